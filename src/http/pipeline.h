#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_map.h"
#include "http/access_log.h"
#include "http/authenticator.h"
#include "http/idempotency_store.h"
#include "http/metrics.h"
#include "http/permission_gate.h"
#include "http/rate_limiter.h"
#include "http/request.h"
#include "http/request_scope.h"
#include "http/response.h"
#include "http/response_cache.h"
#include "http/router.h"
#include "http/static_site.h"
#include "http/trusted_proxies.h"

namespace deltalabs::http {

// Settings of the request pipeline.
struct PipelineOptions {
  std::vector<std::string> cors_origins;  // exact origins, or "*"
  bool access_log = true;
  // How long a shared response of a public GET route may be served (0 = no cache).
  std::chrono::milliseconds shared_cache_ttl{1000};
  // Reverse proxies whose X-Forwarded-For names the client (none by default).
  TrustedProxies trusted_proxies;
  // The web app answering GETs outside the API that match no route (none = 404).
  std::shared_ptr<const StaticSite> web_app;
};

// Everything between a parsed HTTP request and its response: request id, the
// client's address (through trusted proxies), routing (404/405), CORS, rate
// limits, authentication, the permission gate of writes (403 before the body
// is looked at), JSON body parsing and validation (400/415), the handler,
// problem+json errors, metrics and the access log. Thread-safe; never throws.
class Pipeline {
 public:
  Pipeline(const Router& router, Metrics& metrics, PipelineOptions options);

  // Sets who resolves bearer tokens; without one, authenticated routes answer 401.
  void set_authenticator(Authenticator* authenticator) { authenticator_ = authenticator; }
  // Sets where idempotency keys are kept; without one, keys are ignored.
  void set_idempotency_store(IdempotencyStore* store) { idempotency_ = store; }
  // Sets who answers whether a caller could hold a write route's permission;
  // without one, bodies are validated first and only the service checks.
  void set_permission_gate(PermissionGate* gate) { gate_ = gate; }
  // Sets what brackets every routed request but blocking ones; without one, nothing does.
  void set_request_scope(RequestScope* scope) { scope_ = scope; }
  // Adds or replaces a named rate-limit policy that routes refer to.
  void set_rate_limit_policy(RateLimitPolicy policy);
  // The limiter, for services that also limit per account.
  RateLimiter& rate_limiter() { return limiter_; }
  // A policy by name, or nullptr.
  const RateLimitPolicy* policy(std::string_view name) const;

  // Counts a hit of `key` (an account, say) under a named policy; returns the
  // 429 problem response when the limit is reached.
  std::optional<Response> limit(const Request& req, std::string_view policy_name,
                                std::string_view key);
  // The 429 problem response when `key` has no hits left under the policy;
  // counts nothing (see count()).
  std::optional<Response> exhausted(const Request& req, std::string_view policy_name,
                                    std::string_view key);
  // Counts a hit of `key` under the policy whatever the verdict; returns the
  // RateLimit headers after it (none when the policy is off).
  std::vector<std::pair<std::string, std::string>> count(std::string_view policy_name,
                                                         std::string_view key);

  // Handles one request end to end.
  Response handle(Request& req);
  // True when the request's route must run on the blocking pool.
  bool is_blocking(Method method, std::string_view path) const;
  // The response for a request the server could not read (bad HTTP, size
  // limits): a problem body carrying a fresh or the client's request id.
  Response reject(const Error& error, std::string_view client_request_id, std::string_view method,
                  std::string_view path);

 private:
  Result<Response> run_scoped(Request& req,
                              std::vector<std::pair<std::string, std::string>>& extra);
  Result<Response> run_route(Request& req, std::vector<std::pair<std::string, std::string>>& extra);
  Status authenticate(Request& req);
  Status check_permission(const Request& req);
  Status read_body(Request& req);
  Result<Response> run_idempotent(Request& req);
  Response not_routed(const Request& req, const RouteMatch& match);
  void finish(const Request& req, Response& resp, std::string_view route_label, double seconds);
  void add_cors(const Request& req, Response& resp) const;

  const Router& router_;
  std::unique_ptr<AccessLog> access_log_;  // null when the access log is off
  std::unique_ptr<ResponseCache> cache_;   // null when shared caching is off
  Metrics& metrics_;
  PipelineOptions options_;
  Authenticator* authenticator_ = nullptr;
  IdempotencyStore* idempotency_ = nullptr;
  RequestScope* scope_ = nullptr;
  PermissionGate* gate_ = nullptr;
  RateLimiter limiter_;
  StringMap<RateLimitPolicy> policies_;
};

// True when a client-sent X-Request-Id is safe to echo: 1..128 of [A-Za-z0-9._-].
bool is_sane_request_id(std::string_view id);

}  // namespace deltalabs::http
