#include "ai/mcp_handlers.h"

#include <boost/json.hpp>

#include <array>

#include "core/unicode_text.h"
#include "http/route_group.h"

namespace deltalabs::ai {

namespace {

constexpr std::array<std::string_view, 3> kProtocolVersions = {"2025-06-18", "2025-03-26",
                                                               "2024-11-05"};

// JSON-RPC 2.0 error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;

// What a client sends: a request (with an id, answered 200) or a
// notification (without one, answered 202).
const http::NamedSchema& json_rpc_request_schema() {
  static const http::NamedSchema named(
      "JsonRpcRequest",
      {boost::json::object{
           {"type", "object"},
           {"required", boost::json::array{"jsonrpc", "method"}},
           {"properties",
            {{"jsonrpc", {{"const", "2.0"}}},
             {"id",
              {{"type", boost::json::array{"string", "integer", "null"}},
               {"description", "absent or null for a notification"}}},
             {"method",
              {{"type", "string"},
               {"description", "initialize, ping, tools/list, tools/call or a notification"}}},
             {"params", {{"type", "object"}}}}}},
       {}});
  return named;
}

const http::NamedSchema& json_rpc_response_schema() {
  static const http::NamedSchema named(
      "JsonRpcResponse",
      {boost::json::object{
           {"type", "object"},
           {"required", boost::json::array{"jsonrpc", "id"}},
           {"properties",
            {{"jsonrpc", {{"const", "2.0"}}},
             {"id", {{"type", boost::json::array{"string", "integer", "null"}}}},
             {"result", {{"type", "object"}}},
             {"error",
              {{"type", "object"},
               {"required", boost::json::array{"code", "message"}},
               {"properties",
                {{"code", {{"type", "integer"}}},
                 {"message", {{"type", "string"}}},
                 {"data", {}}}}}}}},
           {"oneOf", boost::json::array{{{"required", boost::json::array{"result"}}},
                                        {{"required", boost::json::array{"error"}}}}}},
       {}});
  return named;
}

http::Response reply(const boost::json::value& id, boost::json::object result) {
  return http::Response::json(
      200, boost::json::object{{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

http::Response fail(const boost::json::value& id, int code, std::string message) {
  return http::Response::json(
      200, boost::json::object{
               {"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

boost::json::object initialize(const boost::json::object& params) {
  std::string version(kProtocolVersions.front());
  if (const auto* v = params.if_contains("protocolVersion"); v != nullptr && v->is_string()) {
    for (auto known : kProtocolVersions) {
      if (v->as_string() == known) version = std::string(known);
    }
  }
  return {{"protocolVersion", version},
          {"capabilities", {{"tools", {{"listChanged", false}}}}},
          {"serverInfo", {{"name", "deltalabs"}, {"version", "1.0.0"}}},
          {"instructions",
           "Delta Labs tools. Every call runs as the user whose bearer token you sent, with "
           "that user's permissions; a refusal is a tool result with isError true."}};
}

boost::json::object list_tools(const ToolRegistry& tools) {
  boost::json::array out;
  for (const Tool& t : tools.tools()) {
    out.push_back({{"name", t.name},
                   {"description", t.description},
                   {"inputSchema", t.parameters.to_json_schema()}});
  }
  return {{"tools", std::move(out)}};
}

Result<http::Response> call_tool(const ToolRegistry& tools, FeatureConfigService& features,
                                 const http::Request& req, const boost::json::value& id,
                                 const boost::json::object& params) {
  const auto* name = params.if_contains("name");
  if (name == nullptr || !name->is_string())
    return fail(id, kInvalidParams, "params.name is required");
  if (tools.find(name->as_string()) == nullptr) {
    return fail(id, kInvalidParams,
                "Unknown tool: " + UnicodeText::to_valid_utf8(name->as_string(), 100));
  }
  DL_TRY(features.require_enabled("assistant.enabled"));
  std::string arguments = "{}";
  if (const auto* a = params.if_contains("arguments"); a != nullptr && !a->is_null()) {
    arguments = boost::json::serialize(*a);
  }
  ToolCallRecord r = tools.call(req.caller(), std::string(name->as_string()), arguments, "mcp");
  boost::json::value data = boost::json::parse(r.result);
  boost::json::object result{
      {"content", boost::json::array{{{"type", "text"}, {"text", r.result}}}},
      {"structuredContent", data},
      {"isError", !r.ok}};
  return reply(id, std::move(result));
}

Result<http::Response> handle(const ToolRegistry& tools, FeatureConfigService& features,
                              const http::Request& req) {
  boost::system::error_code ec;
  boost::json::value msg = boost::json::parse(req.body, ec);
  if (ec) return fail(nullptr, kParseError, "Parse error: the body is not JSON");
  if (!msg.is_object()) return fail(nullptr, kInvalidRequest, "Send one JSON-RPC message object");
  const auto& m = msg.as_object();
  const auto* id = m.if_contains("id");
  const auto* method = m.if_contains("method");
  const auto* version = m.if_contains("jsonrpc");
  // Notifications and responses from the client need no answer.
  if (id == nullptr || id->is_null()) return http::Response::text(202, "", "");
  if (!id->is_string() && !id->is_int64() && !id->is_uint64()) {
    return fail(nullptr, kInvalidRequest, "id must be a string or an integer");
  }
  if (version == nullptr || *version != "2.0" || method == nullptr || !method->is_string()) {
    return fail(*id, kInvalidRequest, "Not a JSON-RPC 2.0 request");
  }
  static const boost::json::object kNoParams;
  const auto* p = m.if_contains("params");
  if (p != nullptr && !p->is_object()) return fail(*id, kInvalidParams, "params must be an object");
  const boost::json::object& params = p != nullptr ? p->as_object() : kNoParams;
  const std::string_view name = method->as_string();
  if (name == "initialize") return reply(*id, initialize(params));
  if (name == "ping") return reply(*id, {});
  if (name == "tools/list") return reply(*id, list_tools(tools));
  if (name == "tools/call") return call_tool(tools, features, req, *id, params);
  return fail(*id, kMethodNotFound, "Method not found: " + UnicodeText::to_valid_utf8(name, 100));
}

}  // namespace

void register_mcp_routes(http::Router& router, const ToolRegistry& tools,
                         FeatureConfigService& features) {
  const http::RouteGroup g(router, "AI assistant");
  g.add(
      {.method = http::Method::kPost,
       .path = "/v1/mcp",
       .handler = [&tools, &features](http::Request& req) { return handle(tools, features, req); },
       .summary = "Model Context Protocol server (Streamable HTTP): one JSON-RPC 2.0 "
                  "message per POST; initialize, ping, tools/list and tools/call answer "
                  "200 with a JSON-RPC response (errors too), notifications 202 without "
                  "a body. Tools run as the bearer token's user",
       .raw_body = http::schema::ref(json_rpc_request_schema()),
       .responses = {200, 202, 503},
       .returns = http::schema::ref(json_rpc_response_schema())});
}

}  // namespace deltalabs::ai
