#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/access_log.h"
#include "http/authenticator.h"
#include "http/idempotency_store.h"
#include "http/metrics.h"
#include "http/permission_gate.h"
#include "http/rate_limits.h"
#include "http/request.h"
#include "http/request_scope.h"
#include "http/response.h"
#include "http/router.h"
#include "http/shared_response_cache.h"
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

// Everything between a parsed HTTP request and its response, in order: request
// id, the client's address (through trusted proxies), the route (matched once,
// by match(); 404/405), the shared response cache (SharedResponseCache), the
// route's rate limit (RateLimits), authentication, the permission gate of
// writes (403 before the body is looked at), JSON body parsing and validation
// (400/415), idempotency keys, the handler, problem+json errors, CORS,
// metrics and the access log. Thread-safe; never throws.
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
  // Sets the named policies a route's rate_limit refers to (counted per client
  // address); without them, no route is limited.
  void set_rate_limits(RateLimits* limits) { rate_limits_ = limits; }
  // The shared response cache, for wiring its invalidations across instances.
  SharedResponseCache& shared_cache() { return cache_; }

  // The route of a request: match it once, then pass it to is_blocking() and handle().
  RouteMatch match(const Request& req) const;
  // True when the matched route must run on the blocking pool.
  static bool is_blocking(const RouteMatch& match);
  // Handles one request end to end, with its route as match() found it.
  Response handle(Request& req, RouteMatch match);
  // Handles one request end to end, matching its route first.
  Response handle(Request& req);
  // The response for a request the server could not read (bad HTTP, size
  // limits): a problem body carrying a fresh or the client's request id.
  Response reject(const Error& error, std::string_view client_request_id, std::string_view method,
                  std::string_view path);

 private:
  void identify(Request& req) const;
  Response run_routed(Request& req);
  Response run_guarded(Request& req, RateLimitHeaders& extra);
  Result<Response> run_scoped(Request& req, RateLimitHeaders& extra);
  Result<Response> run_in_scope(Request& req, RateLimitHeaders& extra);
  Result<Response> run_route(Request& req, RateLimitHeaders& extra);
  Status authenticate(Request& req);
  Status check_permission(const Request& req);
  Status read_body(Request& req);
  Result<Response> run_idempotent(Request& req);
  Response not_routed(const Request& req, const RouteMatch& match);
  void finish(const Request& req, Response& resp, std::string_view route_label, double seconds);
  void add_cors(const Request& req, Response& resp) const;

  const Router& router_;
  std::unique_ptr<AccessLog> access_log_;  // null when the access log is off
  Metrics& metrics_;
  PipelineOptions options_;
  SharedResponseCache cache_;
  Authenticator* authenticator_ = nullptr;
  IdempotencyStore* idempotency_ = nullptr;
  RequestScope* scope_ = nullptr;
  PermissionGate* gate_ = nullptr;
  RateLimits* rate_limits_ = nullptr;
};

// True when a client-sent X-Request-Id is safe to echo: 1..128 of [A-Za-z0-9._-].
bool is_sane_request_id(std::string_view id);

}  // namespace deltalabs::http
