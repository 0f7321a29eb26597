#pragma once

#include <string>
#include <vector>

#include "ai/chat_provider.h"

namespace deltalabs::ai {

// The default provider: offline and deterministic. It recognises a few
// intents in the last user prompt (IntentParser: "enroll me in <course
// title>", "book the <lab> tomorrow at 10", "go to <page>", …), turns them
// into tool calls and answers from the tools' results (BuiltinSteps: a
// course named by its title is found with search_courses first). The same
// conversation always yields the same calls and the same answer.
class BuiltinProvider : public ChatProvider {
 public:
  // "builtin".
  std::string name() const override { return "builtin"; }
  // The next step for the last user prompt, given the tool results after it:
  // a tool call, or the answer; help when no prompt or intent is recognised.
  Result<ProviderReply> complete(const std::vector<ProviderMessage>& messages,
                                 const std::vector<Tool>& tools) override;
};

}  // namespace deltalabs::ai
