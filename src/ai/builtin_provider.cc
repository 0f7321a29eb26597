#include "ai/builtin_provider.h"

#include <boost/json/parse.hpp>

#include <cstdint>
#include <utility>

#include "ai/builtin_steps.h"
#include "ai/intent_parser.h"

namespace deltalabs::ai {

namespace {

std::int64_t estimate_tokens(const std::vector<ProviderMessage>& messages,
                             const ProviderReply& reply) {
  std::size_t chars = reply.content.size();
  for (const auto& m : messages) chars += m.content.size();
  for (const auto& c : reply.tool_calls) chars += c.name.size() + c.arguments.size();
  return static_cast<std::int64_t>(chars / 4 + 1);
}

// The tool results after the message at `from`, in order.
std::vector<SeenResult> results_after(const std::vector<ProviderMessage>& messages,
                                      std::size_t from) {
  std::vector<SeenResult> seen;
  for (std::size_t i = from + 1; i < messages.size(); ++i) {
    if (messages[i].role != "tool") continue;
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(messages[i].content, ec);
    const bool ok = !ec && !(v.is_object() && v.as_object().contains("error"));
    seen.push_back({messages[i].name, ec ? boost::json::value() : std::move(v), ok});
  }
  return seen;
}

}  // namespace

Result<ProviderReply> BuiltinProvider::complete(const std::vector<ProviderMessage>& messages,
                                                const std::vector<Tool>& tools) {
  std::size_t last_user = messages.size();
  for (std::size_t i = messages.size(); i-- > 0;) {
    if (messages[i].role == "user") {
      last_user = i;
      break;
    }
  }
  if (last_user == messages.size()) return BuiltinSteps::help();
  const Intent intent = IntentParser::parse(messages[last_user].content);
  ProviderReply reply = BuiltinSteps::next(intent, results_after(messages, last_user), tools);
  reply.tokens = estimate_tokens(messages, reply);
  return reply;
}

}  // namespace deltalabs::ai
