#include "ai/chat_handlers.h"

#include "ai/ai_shapes.h"
#include "http/pagination.h"
#include "http/path_param.h"
#include "http/problem.h"
#include "http/rate_limits.h"
#include "http/route_group.h"

namespace deltalabs::ai {

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

http::Response with_headers(http::Response r, const Headers& headers) {
  for (const auto& [name, value] : headers) r.header(name, value);
  return r;
}

// Counts the turn against the caller's per-minute budget; the 429 when spent.
std::optional<http::Response> limit_turn(http::RateLimits& limits, const http::Request& req,
                                         Headers& out) {
  http::RateLimitOutcome turn = limits.hit(kChatRatePolicy, req.caller().user_id);
  out = std::move(turn.headers);
  if (turn.decision.allowed) return std::nullopt;
  const Error limited = http::RateLimits::refusal(turn.decision, "assistant requests");
  return with_headers(http::problem_response(limited, req.request_id), out);
}

const BodySchema& chat_body() {
  static const BodySchema schema{
      field::string("prompt", 4000).length(1, 4000).required().into(&ChatRequest::prompt),
      field::uuid("conversation_id")
          .describe("Continue this conversation of mine")
          .into(&ChatRequest::conversation_id)};
  return schema;
}

Result<http::Response> chat(ChatService& chat, http::RateLimits& limits, http::Request& req) {
  Headers limit_headers;
  if (auto limited = limit_turn(limits, req, limit_headers)) return std::move(*limited);
  auto turn = chat.chat(req.caller(), http::body_as<ChatRequest>(req));
  if (!turn.ok()) {
    if (turn.error().code != "TOKEN_CAP_REACHED") return std::move(turn).error();
    http::Response r = http::problem_response(turn.error(), req.request_id);
    r.header("Retry-After", std::to_string(ChatService::seconds_until_reset()));
    return with_headers(std::move(r), limit_headers);
  }
  return with_headers(http::Response::json(200, chat_turn_shape().render(turn.value())),
                      limit_headers);
}

}  // namespace

void register_chat_routes(http::Router& router, ChatService& service, const ToolRegistry& tools,
                          http::RateLimits& rate_limits, const CursorCodec& cursors) {
  const http::RouteGroup g(router, "AI assistant");
  g.add({.method = http::Method::kPost,
         .path = "/v1/ai/chat",
         .handler = [&service,
                     &rate_limits](http::Request& req) { return chat(service, rate_limits, req); },
         .summary = "One turn with the assistant: it may call tools, which run as the caller "
                    "with the caller's permissions; a tool's refusal is a tool error in "
                    "tool_calls[].result. Limited per user per minute (429 RATE_LIMITED) "
                    "and per UTC day in tokens (429 TOKEN_CAP_REACHED); 503 "
                    "FEATURE_DISABLED when assistant.enabled is false, 503 "
                    "AI_PROVIDER_UNAVAILABLE when the model cannot be reached",
         .body = http::json_body(chat_body()),
         .responses = {200, 404, 429, 503},
         .returns = http::schema::ref(chat_turn_shape())});

  g.add({.method = http::Method::kGet,
         .path = "/v1/ai/tools",
         .handler = [&tools](http::Request&) -> Result<http::Response> {
           return http::Response::json(200, tool_catalog_shape().render(tools.tools()));
         },
         .summary = "The assistant's tool catalog, with the JSON Schema of each tool's "
                    "arguments (the same tools MCP clients get from /v1/mcp); the tools act "
                    "as the signed-in user",
         .returns = http::schema::ref(tool_catalog_shape())});

  g.add({.method = http::Method::kGet,
         .path = "/v1/ai/conversations",
         .handler = [&service, &cursors](http::Request& req) -> Result<http::Response> {
           DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
           DL_ASSIGN_OR_RETURN(auto result, service.conversations(req.caller(), page));
           return http::page_response(result, conversation_shape(), cursors);
         },
         .summary = "My conversations with the assistant, newest first",
         .query = http::page_query(),
         .returns = http::schema::page_of(conversation_shape())});

  g.add({.method = http::Method::kGet,
         .path = "/v1/ai/conversations/:id",
         .handler = [&service](http::Request& req) -> Result<http::Response> {
           DL_ASSIGN_OR_RETURN(ConversationDetail d,
                               service.conversation(req.caller(), http::path_param(req)));
           return http::Response::json(200, conversation_detail_shape().render(d));
         },
         .summary = "One of my conversations with every message: prompts, tool calls with "
                    "arguments and results, answers (404 for anyone else's)",
         .responses = {200, 404},
         .returns = http::schema::ref(conversation_detail_shape())});
}

}  // namespace deltalabs::ai
