#pragma once

#include <chrono>
#include <string>

#include "ai/chat_provider.h"

namespace deltalabs::ai {

// Where an OpenAI-compatible Chat Completions endpoint is and how to call it.
struct OpenAiOptions {
  std::string base_url;  // e.g. http://127.0.0.1:8081/v1 (POSTs go to <base_url>/chat/completions)
  std::string model;
  std::string api_key;  // sent as a bearer token when set
  std::chrono::milliseconds timeout{30000};
};

// A model served by anything that speaks OpenAI's Chat Completions with tool
// calling (llama.cpp server, vLLM, Ollama, hosted APIs), called over libcurl.
// Tools are offered as `function` tools with their JSON Schema; the reply's
// tool_calls come back with the argument text exactly as the model wrote it.
// Transport failures, non-2xx statuses and bodies that are not a completion
// are 503 AI_PROVIDER_UNAVAILABLE (the cause is logged, not shown).
class OpenAiProvider : public ChatProvider {
 public:
  explicit OpenAiProvider(OpenAiOptions options) : options_(std::move(options)) {}

  std::string name() const override { return "openai-compatible"; }
  Result<ProviderReply> complete(const std::vector<ProviderMessage>& messages,
                                 const std::vector<Tool>& tools) override;

  // The request body for `messages` and `tools` (JSON text).
  std::string request_body(const std::vector<ProviderMessage>& messages,
                           const std::vector<Tool>& tools) const;
  // Reads a Chat Completions response body.
  static Result<ProviderReply> parse_reply(const std::string& body);

 private:
  Result<std::string> post(const std::string& body) const;

  OpenAiOptions options_;
};

}  // namespace deltalabs::ai
