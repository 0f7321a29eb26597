#include "app/shared_rate_limiter.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string>

#include "platform/job_lease.h"
#include "platform/rate_counters.h"

namespace deltalabs {

namespace {

// Whole seconds until `resets_at_ms`, rounded up, as the RateLimit header reports.
std::int64_t seconds_until(std::int64_t resets_at_ms, std::int64_t now_ms) {
  return std::max<std::int64_t>(0, (resets_at_ms - now_ms + 999) / 1000);
}

http::RateLimitDecision verdict(std::uint32_t limit, const RateCount& n, std::int64_t now_ms,
                                bool counted) {
  const auto hits = static_cast<std::uint32_t>(std::min<std::int64_t>(n.hits, limit + 1));
  // A counted hit is allowed when it stayed within the limit; a peek, when one more would.
  const bool allowed = counted ? hits <= limit : hits < limit;
  return {allowed, limit, limit - std::min(hits, limit), seconds_until(n.resets_at_ms, now_ms)};
}

}  // namespace

http::RateLimitDecision SharedRateLimiter::decide(const http::RateLimitPolicy& policy,
                                                  std::string_view key, bool count) {
  if (policy.limit == 0) return {true, 0, 0, 0};
  const std::int64_t now_ms = epoch_ms_now();
  const std::int64_t window_ms = policy.window.count() * 1000;
  const http::RateLimitDecision open{true, policy.limit, policy.limit, policy.window.count()};
  std::string full_key = policy.name;
  full_key += '|';
  full_key += key;
  // write(): a counter is a write, and must reach the primary whatever reads may use.
  auto conn = db_.write();
  if (!conn.ok()) return allowed_unchecked(conn.error(), open);
  if (count) {
    auto n = RateCounters::hit(**conn, full_key, window_ms, policy.limit, now_ms);
    if (!n.ok()) return allowed_unchecked(n.error(), open);
    return verdict(policy.limit, *n, now_ms, true);
  }
  auto n = RateCounters::peek(**conn, full_key, now_ms);
  if (!n.ok()) return allowed_unchecked(n.error(), open);
  if (!n->has_value()) return open;
  return verdict(policy.limit, **n, now_ms, false);
}

http::RateLimitDecision SharedRateLimiter::allowed_unchecked(const Error& e,
                                                             const http::RateLimitDecision& open) {
  const std::int64_t at = epoch_ms_now();
  std::int64_t last = last_warning_ms_.load();
  if (at - last >= 60000 && last_warning_ms_.compare_exchange_strong(last, at))
    spdlog::warn(R"({{"msg":"shared rate limit not checked; allowed","cause":"{}"}})", e.code);
  return open;
}

}  // namespace deltalabs
