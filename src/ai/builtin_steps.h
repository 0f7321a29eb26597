#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <vector>

#include "ai/chat_provider.h"
#include "ai/intent_parser.h"
#include "ai/tool.h"

namespace deltalabs::ai {

// A tool result the builtin provider has seen since the last user prompt.
struct SeenResult {
  std::string name;           // the tool that answered
  boost::json::value result;  // its answer, parsed (null when not JSON)
  bool ok = false;            // false when the answer is not JSON or carries an "error"
};

// The builtin provider's per-intent steps: from an intent and the tool
// results seen so far, the next reply, a tool call or the answer. An intent
// acting on a course named by title searches for it first (search_courses),
// then calls its tool with the course's id, then answers from the result.
// The same intent and results always give the same reply.
class BuiltinSteps {
 public:
  // The next reply for `intent` after `seen` (in call order); an intent
  // whose tool is not among `tools` (carts, lab bookings) answers that it
  // cannot do that here. Token counts are left at 0 for the caller.
  static ProviderReply next(const Intent& intent, const std::vector<SeenResult>& seen,
                            const std::vector<Tool>& tools);
  // The answer to a prompt without a recognised intent: what to ask for.
  static ProviderReply help();
};

}  // namespace deltalabs::ai
