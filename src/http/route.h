#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/body_schema.h"
#include "core/result.h"
#include "http/json_schema.h"
#include "http/method.h"
#include "http/request.h"
#include "http/response.h"

namespace deltalabs::http {

// A handler: parse what the pipeline has not, call a service, render the result.
using Handler = std::function<Result<Response>(Request&)>;

// Who may call a route before the service decides.
enum class Access {
  kPublic,         // anyone; a bearer token, if sent, is ignored
  kOptionalAuth,   // anyone; a valid bearer token identifies the caller
  kAuthenticated,  // a valid bearer token is required (401 otherwise)
};

// Whether a route honours the Idempotency-Key header (POSTs that create
// money or seat state do).
enum class Idempotency { kNone, kOptional, kRequired };

// A documented query parameter. A closed one (`allowed`, `minimum`,
// `maximum`) is declared so and checked by the pipeline before the handler
// runs, so the document and the server accept the same values.
struct QueryParam {
  std::string name;
  std::string type = "string";  // JSON Schema type: string, integer or boolean
  std::string description;
  std::vector<std::string> allowed;     // the only values a string may take, when not empty
  std::optional<std::int64_t> minimum;  // inclusive bounds of an integer
  std::optional<std::int64_t> maximum;
  // The problem code of a value outside the closed set; empty: a 400
  // VALIDATION_FAILED naming the parameter in its details.
  std::string invalid_code;
};

// One endpoint: its method and path template (`/v1/users/:id`), its handler
// and everything the pipeline and the OpenAPI document need to know about it.
struct Route {
  Method method = Method::kGet;
  std::string path;
  Handler handler;
  std::string summary;
  std::string tag;
  Access access = Access::kPublic;
  std::string permission;                  // documented permission slug, checked by the service
  std::shared_ptr<const BodySchema> body;  // validated JSON body, when the route takes one
  // The JSON body of a route that reads it itself (a signed webhook, JSON-RPC,
  // any-JSON values): documented as its requestBody, not checked by the pipeline.
  std::optional<Schema> raw_body;
  std::vector<QueryParam> query;
  std::vector<int> responses = {200};  // documented statuses besides the error ones
  // The body of the success responses (JSON Schema with its named parts);
  // every route answering 2xx with a body declares it.
  std::optional<Schema> returns;
  std::string rate_limit;  // name of a rate-limit policy, or empty
  bool blocking = false;   // runs on the bounded blocking pool (password hashing)
  Idempotency idempotency = Idempotency::kNone;
  std::string produces = "application/json";
  // Other media types a query may select (documented as text).
  std::vector<std::string> also_produces;
  // A GET whose 200s to anonymous callers may be shared between them (ResponseCache).
  bool shared_cache = false;
};

// Wraps a schema for Route::body.
inline std::shared_ptr<const BodySchema> json_body(BodySchema schema) {
  return std::make_shared<const BodySchema>(std::move(schema));
}

}  // namespace deltalabs::http
