#include "http/openapi.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>

#include "http/query_params.h"

namespace deltalabs::http {

std::string openapi_path(const std::string& route_path) {
  std::string out;
  bool in_param = false;
  for (char c : route_path) {
    if (c == ':') {
      out += '{';
      in_param = true;
    } else if (c == '/' && in_param) {
      out += "}/";
      in_param = false;
    } else {
      out += c;
    }
  }
  if (in_param) out += '}';
  return out;
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string operation_id(const Route& r) {
  std::string id = lower(method_name(r.method));
  bool upper_next = true;
  for (char c : r.path) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      id += upper_next ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper_next = false;
    } else {
      upper_next = true;
    }
  }
  return id;
}

boost::json::object problem_response_doc(const char* description) {
  return {
      {"description", description},
      {"content",
       {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

boost::json::object problem_schema() {
  boost::json::object props;
  for (const char* s : {"type", "title", "detail", "code", "message", "requestId"})
    props[s] = {{"type", "string"}};
  props["status"] = {{"type", "integer"}};
  boost::json::object detail_props{{"field", {{"type", "string"}}},
                                   {"message", {{"type", "string"}}}};
  boost::json::object item{{"type", "object"}, {"properties", std::move(detail_props)}};
  props["details"] = {{"type", "array"}, {"items", std::move(item)}};
  props["order_id"] = {{"type", "string"},
                       {"format", "uuid"},
                       {"description",
                        "The order the problem is about: the open order of ORDER_PENDING, the "
                        "pending or cancelled order of a failed card payment"}};
  return {{"type", "object"},
          {"properties", std::move(props)},
          {"required", {"type", "title", "status", "code"}}};
}

// 429, with the headers that say when to come back.
boost::json::object rate_limited_response_doc() {
  boost::json::object doc = problem_response_doc("Rate limited");
  const auto header = [](const char* type, const char* text) {
    return boost::json::object{{"description", text}, {"schema", {{"type", type}}}};
  };
  doc["headers"] = {
      {"Retry-After", header("integer", "Seconds until the budget refills")},
      {"X-RateLimit-Limit", header("integer", "Requests the window allows")},
      {"X-RateLimit-Remaining", header("integer", "Requests left in the window")},
      {"RateLimit", header("string", "IETF draft: \"policy\";r=<remaining>;t=<seconds>")},
      {"RateLimit-Policy", header("string", "IETF draft: \"policy\";q=<quota>;w=<window>")}};
  return doc;
}

// 503, which any route may answer for a moment (one component every
// operation refers to): the database is down or
// failing over (DATABASE_UNAVAILABLE), its pool or the blocking pool is full
// (DATABASE_BUSY, SERVER_BUSY), or this instance is draining (SERVER_DRAINING).
boost::json::object unavailable_response_doc() {
  boost::json::object doc = problem_response_doc(
      "Unavailable for a moment (DATABASE_UNAVAILABLE, DATABASE_BUSY, SERVER_BUSY, "
      "SERVER_DRAINING): retry after Retry-After seconds");
  doc["headers"] = {
      {"Retry-After",
       {{"description", "Seconds to wait before retrying"}, {"schema", {{"type", "integer"}}}}}};
  return doc;
}

const char* status_text(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 400:
      return "Invalid input";
    case 401:
      return "Missing or invalid credentials";
    case 402:
      return "Payment required";
    case 403:
      return "Not allowed";
    case 404:
      return "Not found";
    case 409:
      return "Conflict";
    case 422:
      return "Unprocessable";
    case 503:
      return "Unavailable";
    default:
      return "Response";
  }
}

// The path parameters, the declared query parameters and the
// Idempotency-Key header, in that order.
boost::json::array parameters(const Route& r) {
  boost::json::array params;
  std::string_view rest = r.path;
  while (true) {
    const auto colon = rest.find(':');
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
    const std::string name(rest.substr(0, rest.find('/')));
    params.push_back(
        {{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
  }
  for (const auto& q : r.query) {
    boost::json::object p{
        {"name", q.name}, {"in", "query"}, {"required", false}, {"schema", QueryParams::schema(q)}};
    if (!q.description.empty()) p["description"] = q.description;
    params.push_back(std::move(p));
  }
  if (r.idempotency != Idempotency::kNone) {
    params.push_back(
        {{"name", "Idempotency-Key"},
         {"in", "header"},
         {"required", r.idempotency == Idempotency::kRequired},
         {"description", "Retries with the same key and body replay the first response (24 h)"},
         {"schema", {{"type", "string"}, {"maxLength", 255}}}});
  }
  return params;
}

// The JSON body a route reads: its BodySchema, or a raw body's schema.
std::optional<boost::json::object> request_body(const Route& r) {
  if (r.body) {
    return boost::json::object{
        {"required", true},
        {"content", {{"application/json", {{"schema", r.body->to_json_schema()}}}}}};
  }
  if (r.raw_body) {
    return boost::json::object{{"required", true},
                               {"content", {{"application/json", {{"schema", r.raw_body->json}}}}}};
  }
  return std::nullopt;
}

// One status the route names: errors as problem+json, the rest with what it returns.
boost::json::object declared_response(const Route& r, int status) {
  // Error statuses a route names are problem+json like every other error.
  if (status >= 400) return problem_response_doc(status_text(status));
  boost::json::object resp{{"description", status_text(status)}};
  // A 202 beside a 200 is "accepted, nothing to answer" (an MCP notification): no body.
  const bool bodiless =
      status == 204 || (status == 202 && std::find(r.responses.begin(), r.responses.end(), 200) !=
                                             r.responses.end());
  if (bodiless) return resp;
  boost::json::object media;
  if (r.returns) {
    media["schema"] = r.returns->json;
  } else if (r.produces != "application/json") {
    // Text and files: what a client receives is the body as it is.
    media["schema"] = {{"type", "string"}};
  }
  boost::json::object content{{r.produces, std::move(media)}};
  for (const auto& other : r.also_produces) content[other] = {{"schema", {{"type", "string"}}}};
  resp["content"] = std::move(content);
  return resp;
}

// The statuses the route names, then those the pipeline answers for it.
boost::json::object responses(const Route& r) {
  boost::json::object out;
  for (int status : r.responses) out[std::to_string(status)] = declared_response(r, status);
  // What the pipeline answers before the handler runs: a bad body or query,
  // a body too large or not JSON.
  if (r.body || !r.query.empty()) out["400"] = problem_response_doc("Invalid input");
  if (r.body) {
    out["413"] = problem_response_doc("Body larger than the configured limit");
    out["415"] = problem_response_doc("Body is not application/json");
  }
  if (r.access == Access::kAuthenticated) {
    out["401"] = problem_response_doc("Missing or invalid access token");
  }
  if (!r.permission.empty()) out["403"] = problem_response_doc("Not allowed");
  if (!r.rate_limit.empty()) out["429"] = rate_limited_response_doc();
  if (r.idempotency != Idempotency::kNone) {
    out["409"] = problem_response_doc("Conflict, or the same Idempotency-Key is still running");
    out["422"] = problem_response_doc("Idempotency-Key reused with a different request");
  }
  out["503"] = {{"$ref", "#/components/responses/Unavailable"}};
  out["default"] = problem_response_doc("Error");
  return out;
}

boost::json::array security(const Route& r) {
  if (r.access == Access::kAuthenticated) return {{{"bearerAuth", boost::json::array{}}}};
  // Anonymous, or a bearer token that identifies the caller.
  if (r.access == Access::kOptionalAuth) {
    return {boost::json::object{}, {{"bearerAuth", boost::json::array{}}}};
  }
  return boost::json::array{};
}

boost::json::object operation(const Route& r) {
  boost::json::object op;
  op["operationId"] = operation_id(r);
  op["summary"] = r.summary;
  if (!r.tag.empty()) op["tags"] = {r.tag};
  if (!r.permission.empty()) op["x-permission"] = r.permission;
  boost::json::array params = parameters(r);
  if (!params.empty()) op["parameters"] = std::move(params);
  if (auto body = request_body(r)) op["requestBody"] = std::move(*body);
  op["security"] = security(r);
  op["responses"] = responses(r);
  return op;
}

// Adds `named` and every schema it refers to, once each.
void add_component(const NamedSchema& named, boost::json::object& schemas) {
  if (schemas.contains(named.name())) return;
  schemas[named.name()] = named.schema().json;
  for (const NamedSchema* used : named.schema().refs) add_component(*used, schemas);
}

}  // namespace

boost::json::object build_openapi(const Router& router, const std::string& version) {
  boost::json::object paths;
  boost::json::object schemas{{"Problem", problem_schema()}};
  for (const Route& r : router.routes()) {
    if (r.returns) {
      for (const NamedSchema* used : r.returns->refs) add_component(*used, schemas);
    }
    if (r.raw_body) {
      for (const NamedSchema* used : r.raw_body->refs) add_component(*used, schemas);
    }
    const std::string path = openapi_path(r.path);
    if (!paths.contains(path)) paths[path] = boost::json::object{};
    paths[path].as_object()[lower(method_name(r.method))] = operation(r);
  }
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", "Delta Labs API"},
            {"version", version},
            {"description",
             "The Delta Labs learning platform API. Errors are RFC 9457 problem+json."}}},
          {"servers", {{{"url", "/"}, {"description", "The server that serves this document"}}}},
          {"paths", std::move(paths)},
          {"components",
           {{"securitySchemes",
             {{"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "JWT"}}}}},
            {"schemas", std::move(schemas)},
            {"responses", {{"Unavailable", unavailable_response_doc()}}}}}};
}

}  // namespace deltalabs::http
