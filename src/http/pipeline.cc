#include "http/pipeline.h"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <strings.h>
#include <algorithm>
#include <chrono>
#include <exception>

#include "core/crypto.h"
#include "core/uuid.h"
#include "http/problem.h"
#include "http/query_params.h"

namespace deltalabs::http {

bool is_sane_request_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

namespace {

// True when the response already reports a rate limit of its own (a handler's
// per-account budget): the route's per-address headers would contradict it.
bool reports_rate_limit(const Response& resp) {
  return std::any_of(resp.headers.begin(), resp.headers.end(),
                     [](const auto& h) { return strcasecmp(h.first.c_str(), "RateLimit") == 0; });
}

// Every X-Forwarded-For header's value in order, joined by ','.
std::string forwarded_for(const Request& req) {
  std::string joined;
  for (const auto& [name, value] : req.headers) {
    if (name.size() != 15 || strncasecmp(name.data(), "X-Forwarded-For", 15) != 0) continue;
    if (!joined.empty()) joined += ',';
    joined += value;
  }
  return joined;
}

// The problem a failed request answers, logged by how urgent it is: an
// operator must act on internal errors and misconfiguration (error), a
// transient outage passes by itself (warn, with Retry-After for the client).
Response failure_response(const Error& e, std::string_view request_id) {
  const bool urgent = e.kind == ErrorKind::kInternal || e.kind == ErrorKind::kMisconfigured;
  if (urgent || e.kind == ErrorKind::kUnavailable) {
    spdlog::log(urgent ? spdlog::level::err : spdlog::level::warn,
                "{{\"msg\":\"request failed\",\"request_id\":\"{}\",\"code\":\"{}\",\"cause\":{}}}",
                request_id, e.code, AccessLog::quoted(e.cause));
  }
  Response resp = problem_response(e, request_id);
  if (e.kind == ErrorKind::kUnavailable) resp.header("Retry-After", "5");
  return resp;
}

}  // namespace

Pipeline::Pipeline(const Router& router, Metrics& metrics, PipelineOptions options)
    : router_(router),
      metrics_(metrics),
      options_(std::move(options)),
      cache_(options_.shared_cache_ttl) {
  if (options_.access_log) access_log_ = std::make_unique<AccessLog>();
}

RouteMatch Pipeline::match(const Request& req) const { return router_.match(req.method, req.path); }

bool Pipeline::is_blocking(const RouteMatch& match) {
  return match.route != nullptr && match.route->blocking;
}

Response Pipeline::handle(Request& req) { return handle(req, match(req)); }

Response Pipeline::handle(Request& req, RouteMatch match) {
  const auto started = std::chrono::steady_clock::now();
  identify(req);
  Response resp;
  std::string_view label = "unmatched";
  if (match.route == nullptr) {
    resp = not_routed(req, match);
  } else {
    req.route = match.route;
    req.path_params = std::move(match.params);
    label = match.route->path;
    resp = run_routed(req);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  finish(req, resp, label, seconds);
  return resp;
}

void Pipeline::identify(Request& req) const {
  const std::string_view client_id = req.header("X-Request-Id");
  req.request_id = is_sane_request_id(client_id) ? std::string(client_id) : new_uuid_v7();
  if (!options_.trusted_proxies.empty()) {
    req.remote_address =
        options_.trusted_proxies.client_address(req.remote_address, forwarded_for(req));
  }
}

Response Pipeline::run_routed(Request& req) {
  RateLimitHeaders extra;
  SharedCacheTicket ticket = cache_.open(req);
  Response resp = ticket.hit ? std::move(*ticket.response) : run_guarded(req, extra);
  if (!reports_rate_limit(resp)) {
    for (auto& h : extra) resp.headers.push_back(std::move(h));
  }
  cache_.close(req, ticket, resp);
  return resp;
}

Response Pipeline::run_guarded(Request& req, RateLimitHeaders& extra) {
  try {
    Result<Response> r = run_scoped(req, extra);
    if (r.ok()) return std::move(r).value();
    return failure_response(r.error(), req.request_id);
  } catch (const std::exception& ex) {
    spdlog::error("{{\"msg\":\"handler threw\",\"request_id\":\"{}\",\"cause\":{}}}",
                  req.request_id, AccessLog::quoted(ex.what()));
    return problem_response(Error::internal(ex.what()), req.request_id);
  } catch (...) {
    spdlog::error("{{\"msg\":\"handler threw\",\"request_id\":\"{}\"}}", req.request_id);
    return problem_response(Error::internal("unknown exception"), req.request_id);
  }
}

Result<Response> Pipeline::run_scoped(Request& req, RateLimitHeaders& extra) {
  if (scope_ == nullptr) return run_route(req, extra);
  Result<Response> answer = run_in_scope(req, extra);
  // A read source that failed (a read replica) is skipped the second time.
  if (scope_->run_again(req, answer)) answer = run_in_scope(req, extra);
  return answer;
}

Result<Response> Pipeline::run_in_scope(Request& req, RateLimitHeaders& extra) {
  // Leaves the scope however the route ends, exceptions included.
  struct Bracket {
    RequestScope* scope;
    const Request& req;
    ~Bracket() { scope->leave(req); }
  };
  scope_->enter(req);
  const Bracket bracket{scope_, req};
  Result<Response> answer = run_route(req, extra);
  scope_->answered(req, answer);
  return answer;
}

Result<Response> Pipeline::run_route(Request& req, RateLimitHeaders& extra) {
  const Route& route = *req.route;
  if (!route.rate_limit.empty() && rate_limits_ != nullptr) {
    RateLimitOutcome limited = rate_limits_->hit(route.rate_limit, req.remote_address);
    extra = std::move(limited.headers);
    if (!limited.decision.allowed) return RateLimits::refusal(limited.decision);
  }
  DL_TRY(authenticate(req));
  DL_TRY(check_permission(req));
  DL_TRY(read_body(req));
  DL_TRY(QueryParams::check(route, req));
  if (route.idempotency != Idempotency::kNone) return run_idempotent(req);
  return route.handler(req);
}

Result<Response> Pipeline::run_idempotent(Request& req) {
  const Route& route = *req.route;
  const std::string_view key = req.header("Idempotency-Key");
  if (key.empty() || idempotency_ == nullptr) {
    if (route.idempotency == Idempotency::kRequired) {
      return Error::bad_request("IDEMPOTENCY_KEY_REQUIRED",
                                "This request needs an Idempotency-Key header.");
    }
    return route.handler(req);
  }
  if (key.size() > 255 ||
      !std::all_of(key.begin(), key.end(), [](char c) { return c > 32 && c < 127; })) {
    return Error::bad_request("INVALID_IDEMPOTENCY_KEY",
                              "The Idempotency-Key must be 1 to 255 visible ASCII characters.");
  }
  // Keys are per caller and route; the hash pins the request they were first used with.
  const std::string caller = req.actor ? req.actor->user_id : "anonymous:" + req.remote_address;
  const std::string scope = caller + " " + std::string(method_name(req.method)) + " " + route.path +
                            " " + std::string(key);
  const std::string body = route.body ? boost::json::serialize(req.json) : std::string(req.body);
  const std::string hash = sha256_hex(std::string(req.path) + "\n" + body);
  std::optional<std::string> user_id;
  if (req.actor) user_id = req.actor->user_id;
  DL_ASSIGN_OR_RETURN(Claim claim, idempotency_->claim(scope, hash, user_id));
  switch (claim.outcome) {
    case ClaimOutcome::kMismatch:
      return Error::unprocessable("IDEMPOTENCY_KEY_REUSED",
                                  "This Idempotency-Key was used with a different request.");
    case ClaimOutcome::kInProgress:
      return Error::conflict("IDEMPOTENCY_IN_PROGRESS",
                             "A request with this Idempotency-Key is still running.");
    case ClaimOutcome::kReplay:
      return std::move(*claim.stored);
    case ClaimOutcome::kClaimed:
      break;
  }
  Result<Response> result = [&]() -> Result<Response> {
    try {
      return route.handler(req);
    } catch (...) {
      static_cast<void>(idempotency_->release(scope));
      throw;
    }
  }();
  Response response =
      result.ok() ? std::move(result).value() : failure_response(result.error(), req.request_id);
  if (response.status >= 500 || !response.replayable) {
    static_cast<void>(idempotency_->release(scope));  // let a retry run again
  } else {
    DL_TRY(idempotency_->complete(scope, response));
  }
  return response;
}

Status Pipeline::authenticate(Request& req) {
  if (req.route->access == Access::kPublic) return {};
  const std::string_view auth = req.header("Authorization");
  if (auth.empty()) {
    if (req.route->access == Access::kOptionalAuth) return {};
    return Error::unauthorized("A bearer access token is required.", "AUTHENTICATION_REQUIRED");
  }
  constexpr std::string_view kScheme = "Bearer ";
  if (auth.size() <= kScheme.size() ||
      strncasecmp(auth.data(), kScheme.data(), kScheme.size()) != 0) {
    return Error::unauthorized("The Authorization header must be 'Bearer <token>'.",
                               "INVALID_TOKEN");
  }
  if (authenticator_ == nullptr)
    return Error::unauthorized("Tokens cannot be checked.", "INVALID_TOKEN");
  DL_ASSIGN_OR_RETURN(Actor actor, authenticator_->authenticate(auth.substr(kScheme.size())));
  req.actor = std::move(actor);
  return {};
}

Status Pipeline::check_permission(const Request& req) {
  // Only writes with a body: that is what a caller without the permission
  // must not learn about. Reads keep their owner rules (GET /v1/users/:id of
  // oneself) in the service alone.
  const Route& route = *req.route;
  if (gate_ == nullptr || !route.body || route.permission.empty() || !req.actor) return {};
  DL_ASSIGN_OR_RETURN(bool may, gate_->may_hold(*req.actor, route.permission));
  if (may) return {};
  return Error::forbidden("You need the permission '" + route.permission + "' for this.");
}

Status Pipeline::read_body(Request& req) {
  const Route& route = *req.route;
  if (!route.body) return {};
  const std::string_view type = req.header("Content-Type");
  const std::string_view media = type.substr(0, type.find(';'));
  const bool is_json = media == "application/json" ||
                       (media.size() > 5 && media.substr(media.size() - 5) == "+json");
  if (!req.body.empty() && !is_json) {
    return Error{ErrorKind::kUnsupportedMediaType,
                 "UNSUPPORTED_MEDIA_TYPE",
                 "The body must be JSON (Content-Type: application/json).",
                 {},
                 {}};
  }
  const std::string_view text = req.body.empty() ? std::string_view("{}") : req.body;
  boost::system::error_code ec;
  boost::json::parse_options opts;
  opts.max_depth = 32;
  req.json = boost::json::parse(text, ec, {}, opts);
  if (ec) {
    return Error::bad_request("MALFORMED_JSON",
                              "The body is not valid JSON: " + ec.message() + ".");
  }
  return route.body->validate(req.json);
}

Response Pipeline::not_routed(const Request& req, const RouteMatch& match) {
  if (req.method == Method::kOptions && req.path == "*") {
    Response r = Response::no_content();
    r.header("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    return r;
  }
  if (!match.path_known) {
    if (options_.web_app) {
      if (auto page = options_.web_app->serve(req)) return std::move(*page);
    }
    return problem_response(
        {ErrorKind::kNotFound, "ROUTE_NOT_FOUND", "No resource lives at this path.", {}, {}},
        req.request_id);
  }
  std::string allow;
  for (Method m : match.allowed) allow += (allow.empty() ? "" : ", ") + std::string(method_name(m));
  if (req.method == Method::kOptions) {
    Response r = Response::no_content();
    r.header("Allow", allow);
    if (!req.header("Origin").empty() && !req.header("Access-Control-Request-Method").empty()) {
      r.header("Access-Control-Allow-Methods", allow);
      r.header("Access-Control-Allow-Headers",
               "Authorization, Content-Type, Idempotency-Key, X-Request-Id");
      r.header("Access-Control-Max-Age", "600");
    }
    return r;
  }
  Response r = problem_response({ErrorKind::kMethodNotAllowed,
                                 "METHOD_NOT_ALLOWED",
                                 "This path does not accept " + std::string(req.method_text) + ".",
                                 {},
                                 {}},
                                req.request_id);
  r.header("Allow", allow);
  return r;
}

void Pipeline::add_cors(const Request& req, Response& resp) const {
  const std::string_view origin = req.header("Origin");
  if (origin.empty() || options_.cors_origins.empty()) return;
  const bool any = std::find(options_.cors_origins.begin(), options_.cors_origins.end(), "*") !=
                   options_.cors_origins.end();
  if (!any && std::find(options_.cors_origins.begin(), options_.cors_origins.end(), origin) ==
                  options_.cors_origins.end()) {
    return;
  }
  resp.header("Access-Control-Allow-Origin", std::string(origin));
  resp.header("Vary", "Origin");
  resp.header("Access-Control-Expose-Headers",
              "X-Request-Id, Retry-After, RateLimit, RateLimit-Policy, X-RateLimit-Limit, "
              "X-RateLimit-Remaining, Location");
}

void Pipeline::finish(const Request& req, Response& resp, std::string_view route_label,
                      double seconds) {
  resp.header("X-Request-Id", req.request_id);
  add_cors(req, resp);
  metrics_.observe(route_label, method_name(req.method), resp.status, seconds);
  if (!access_log_) return;
  access_log_->write(fmt::format(
      "{{\"msg\":\"request\",\"method\":{},\"path\":{},\"route\":\"{}\",\"status\":{},\"duration_"
      "ms\":{:.3f},"
      "\"request_id\":\"{}\",\"user_id\":\"{}\",\"remote\":\"{}\"}}",
      AccessLog::quoted(req.method_text, 32), AccessLog::quoted(req.path, 512), route_label,
      resp.status, seconds * 1000.0, req.request_id, req.actor ? req.actor->user_id : "",
      req.remote_address));
}

Response Pipeline::reject(const Error& error, std::string_view client_request_id,
                          std::string_view method, std::string_view path) {
  Request req;
  req.method = parse_method(method);
  req.method_text = method;
  req.path = path;
  req.request_id =
      is_sane_request_id(client_request_id) ? std::string(client_request_id) : new_uuid_v7();
  Response resp = problem_response(error, req.request_id);
  finish(req, resp, "rejected", 0);
  return resp;
}

}  // namespace deltalabs::http
