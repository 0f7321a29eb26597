#include "app/replica_read_scope.h"

#include <spdlog/spdlog.h>

#include <cstdlib>

#include "http/problem.h"

namespace deltalabs {

namespace {

// The request's last write and whether it read the replica, between
// answered() and run_again() on the thread that runs it.
thread_local ReplicaRoutingDatabase::RequestEnd last_end;
thread_local bool ended = true;

}  // namespace

ReplicaReadScope::ReplicaReadScope(http::RequestScope& inner, ReplicaRoutingDatabase& db,
                                   const http::Router& router,
                                   const std::vector<std::string>& stale_ok_paths,
                                   std::chrono::seconds cookie_age)
    : inner_(inner),
      db_(db),
      cookie_suffix_("; Path=/; Max-Age=" + std::to_string(cookie_age.count()) +
                     "; HttpOnly; SameSite=Lax") {
  for (const std::string& path : stale_ok_paths) {
    const http::Route* route = router.match(http::Method::kGet, path).route;
    // A renamed route would silently stop reading the replica: a programming error.
    if (route == nullptr || route->path != path) std::abort();
    stale_ok_.push_back(route);
  }
}

void ReplicaReadScope::enter(const http::Request& req) {
  inner_.enter(req);
  db_.begin_request(stale_ok(req), client_lsn(req.header("Cookie")));
  ended = false;
}

void ReplicaReadScope::leave(const http::Request& req) {
  if (!ended) static_cast<void>(db_.end_request());
  ended = true;
  inner_.leave(req);
}

void ReplicaReadScope::answered(const http::Request& /*req*/, Result<http::Response>& answer) {
  last_end = db_.end_request();
  ended = true;
  if (!last_end.wrote || !answer.ok() || answer->status >= 400) return;
  answer->header("Set-Cookie",
                 std::string(kCookie) + "=" + format_lsn(*last_end.wrote) + cookie_suffix_);
}

bool ReplicaReadScope::run_again(const http::Request& /*req*/,
                                 const Result<http::Response>& answer) {
  if (!last_end.used_replica) return false;
  const bool failed =
      answer.ok() ? answer->status >= 500 : http::status_for(answer.error().kind) >= 500;
  if (!failed) return false;
  spdlog::warn(R"({"msg":"a request that read the replica failed; it runs again on the primary"})");
  db_.mark_replica_down();
  return true;
}

std::optional<Lsn> ReplicaReadScope::client_lsn(std::string_view cookie_header) {
  // "a=1; dl_wlsn=16/B374D848; b=2": the first dl_wlsn pair counts.
  while (!cookie_header.empty()) {
    const auto semi = cookie_header.find(';');
    std::string_view pair = cookie_header.substr(0, semi);
    cookie_header = semi == std::string_view::npos ? "" : cookie_header.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > kCookie.size() && pair.starts_with(kCookie) && pair[kCookie.size()] == '=')
      return parse_lsn(pair.substr(kCookie.size() + 1));
  }
  return std::nullopt;
}

bool ReplicaReadScope::stale_ok(const http::Request& req) const {
  if (req.method != http::Method::kGet) return false;
  for (const http::Route* route : stale_ok_) {
    if (req.route == route) return true;
  }
  return false;
}

}  // namespace deltalabs
