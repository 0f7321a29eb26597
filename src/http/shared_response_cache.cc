#include "http/shared_response_cache.h"

#include "http/route.h"

namespace deltalabs::http {

namespace {

// Requests that change nothing; every other one may have written data.
bool is_read_only(Method method) {
  return method == Method::kGet || method == Method::kHead || method == Method::kOptions;
}

}  // namespace

SharedResponseCache::SharedResponseCache(std::chrono::milliseconds ttl) {
  if (ttl.count() > 0) cache_ = std::make_unique<ResponseCache>(ttl);
}

SharedCacheTicket SharedResponseCache::open(const Request& req) const {
  SharedCacheTicket t;
  // Routes that read an optional token answer signed-in callers for themselves.
  t.shareable = cache_ != nullptr && req.route->shared_cache && req.method == Method::kGet &&
                (req.route->access == Access::kPublic || req.header("Authorization").empty());
  if (!t.shareable) return t;
  t.key = std::string(req.path) + "?" + std::string(req.query_string);
  t.generation = cache_->generation();
  t.response = cache_->find(t.key);
  t.hit = t.response.has_value();
  return t;
}

void SharedResponseCache::close(const Request& req, const SharedCacheTicket& ticket,
                                const Response& resp) {
  if (cache_ == nullptr) return;
  // A hit is not stored again: its age keeps counting toward the TTL.
  if (ticket.shareable && !ticket.hit && resp.status == 200)
    cache_->store(ticket.key, ticket.generation, resp);
  if (is_read_only(req.method)) return;
  // After the write committed: responses computed before it stop counting.
  cache_->invalidate();
  // A 4xx wrote nothing (its transaction rolled back); a 5xx may have failed
  // after a commit. Only the others cost the other instances a signal.
  const bool may_have_written = resp.status < 400 || resp.status >= 500;
  if (bus_ != nullptr && may_have_written) bus_->publish();
}

void SharedResponseCache::invalidate() {
  if (cache_ != nullptr) cache_->invalidate();
}

}  // namespace deltalabs::http
