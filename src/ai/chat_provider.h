#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ai/tool.h"
#include "core/result.h"

namespace deltalabs::ai {

// A tool call a model asked for: its id (to pair the result with), the tool's
// name and the arguments as the JSON text the model wrote (maybe malformed).
struct ProviderToolCall {
  std::string id;
  std::string name;
  std::string arguments;
};

// One message of the conversation as a model sees it (Chat Completions roles).
struct ProviderMessage {
  std::string role;  // system, user, assistant, tool
  std::string content;
  std::vector<ProviderToolCall> tool_calls;  // an assistant message that calls tools
  std::string tool_call_id;                  // a tool message: the call it answers
  std::string name;                          // a tool message: the tool's name
};

// What a model answered: text, or tool calls to run first, and what it cost.
struct ProviderReply {
  std::string content;
  std::vector<ProviderToolCall> tool_calls;
  std::int64_t tokens = 0;
};

// A language model behind the assistant: given the conversation so far and
// the tools on offer, the next assistant message. Implementations are
// thread-safe; an unreachable or broken model is 503 AI_PROVIDER_UNAVAILABLE.
class ChatProvider {
 public:
  virtual ~ChatProvider() = default;
  // The configured name (builtin, openai-compatible).
  virtual std::string name() const = 0;
  // The next assistant message.
  virtual Result<ProviderReply> complete(const std::vector<ProviderMessage>& messages,
                                         const std::vector<Tool>& tools) = 0;
};

}  // namespace deltalabs::ai
