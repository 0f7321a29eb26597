#include "ai/openai_provider.h"

#include <curl/curl.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <memory>

#include "ai/tool_registry.h"

namespace deltalabs::ai {

namespace {

constexpr const char* kUnavailable = "AI_PROVIDER_UNAVAILABLE";
constexpr const char* kUnavailableMessage = "The language model could not be reached.";
// A model's reply larger than this is not a chat completion worth reading.
constexpr std::size_t kMaxReplyBytes = 4 << 20;

std::size_t collect(char* data, std::size_t size, std::size_t count, void* out) {
  auto* body = static_cast<std::string*>(out);
  if (body->size() + size * count > kMaxReplyBytes) return 0;  // aborts the transfer
  body->append(data, size * count);
  return size * count;
}

boost::json::object message_json(const ProviderMessage& m) {
  boost::json::object out{{"role", m.role}, {"content", m.content}};
  if (!m.tool_calls.empty()) {
    boost::json::array calls;
    for (const auto& c : m.tool_calls) {
      calls.push_back({{"id", c.id},
                       {"type", "function"},
                       {"function", {{"name", c.name}, {"arguments", c.arguments}}}});
    }
    out["tool_calls"] = std::move(calls);
    if (m.content.empty()) out["content"] = nullptr;
  }
  if (m.role == "tool") {
    out["tool_call_id"] = m.tool_call_id;
    out["name"] = m.name;
  }
  return out;
}

Error unavailable(std::string cause) {
  return Error::unavailable(kUnavailable, kUnavailableMessage, std::move(cause));
}

}  // namespace

std::string OpenAiProvider::request_body(const std::vector<ProviderMessage>& messages,
                                         const std::vector<Tool>& tools) const {
  boost::json::array msgs;
  for (const auto& m : messages) msgs.push_back(message_json(m));
  boost::json::object body{{"model", options_.model}, {"messages", std::move(msgs)}};
  if (!tools.empty()) {
    boost::json::array fns;
    for (const auto& t : tools) {
      boost::json::object fn = ToolRegistry::describe(t);
      fns.push_back({{"type", "function"}, {"function", std::move(fn)}});
    }
    body["tools"] = std::move(fns);
    body["tool_choice"] = "auto";
  }
  return boost::json::serialize(body);
}

Result<ProviderReply> OpenAiProvider::parse_reply(const std::string& text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return unavailable("reply is not a JSON object");
  const auto* choices = v.as_object().if_contains("choices");
  if (choices == nullptr || !choices->is_array() || choices->as_array().empty() ||
      !choices->as_array()[0].is_object()) {
    return unavailable("reply has no choices");
  }
  const auto* message = choices->as_array()[0].as_object().if_contains("message");
  if (message == nullptr || !message->is_object()) return unavailable("choice has no message");
  ProviderReply reply;
  const auto& m = message->as_object();
  if (const auto* content = m.if_contains("content"); content != nullptr && content->is_string())
    reply.content = std::string(content->as_string());
  if (const auto* calls = m.if_contains("tool_calls"); calls != nullptr && calls->is_array()) {
    for (const auto& c : calls->as_array()) {
      const auto* fn = c.is_object() ? c.as_object().if_contains("function") : nullptr;
      if (fn == nullptr || !fn->is_object()) return unavailable("tool call without a function");
      ProviderToolCall call;
      if (const auto* id = c.as_object().if_contains("id"); id != nullptr && id->is_string())
        call.id = std::string(id->as_string());
      const auto& f = fn->as_object();
      if (const auto* n = f.if_contains("name"); n != nullptr && n->is_string())
        call.name = std::string(n->as_string());
      // Arguments are a JSON string by the protocol; some servers send the object itself.
      if (const auto* a = f.if_contains("arguments"); a != nullptr) {
        call.arguments = a->is_string() ? std::string(a->as_string()) : boost::json::serialize(*a);
      }
      if (call.id.empty()) call.id = "call_" + std::to_string(reply.tool_calls.size() + 1);
      reply.tool_calls.push_back(std::move(call));
    }
  }
  if (const auto* usage = v.as_object().if_contains("usage");
      usage != nullptr && usage->is_object()) {
    if (const auto* t = usage->as_object().if_contains("total_tokens");
        t != nullptr && t->is_int64())
      reply.tokens = std::max<std::int64_t>(0, t->as_int64());
  }
  return reply;
}

Result<std::string> OpenAiProvider::post(const std::string& body) const {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return unavailable("curl_easy_init failed");
  std::string url = options_.base_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += "/chat/completions";
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  if (!options_.api_key.empty())
    headers = curl_slist_append(headers, ("Authorization: Bearer " + options_.api_key).c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers,
                                                                          curl_slist_free_all);
  std::string reply;
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &reply);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  const CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) return unavailable(std::string("curl: ") + curl_easy_strerror(rc));
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300)
    return unavailable("model answered HTTP " + std::to_string(status));
  return reply;
}

Result<ProviderReply> OpenAiProvider::complete(const std::vector<ProviderMessage>& messages,
                                               const std::vector<Tool>& tools) {
  if (options_.base_url.empty()) return unavailable("no --ai-base-url configured");
  DL_ASSIGN_OR_RETURN(std::string body, post(request_body(messages, tools)));
  return parse_reply(body);
}

}  // namespace deltalabs::ai
