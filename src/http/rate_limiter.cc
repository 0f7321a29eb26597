#include "http/rate_limiter.h"

#include <functional>

namespace deltalabs::http {

RateLimitDecision RateLimiter::hit(const RateLimitPolicy& policy, std::string_view key) {
  return decide(policy, key, true);
}

RateLimitDecision RateLimiter::peek(const RateLimitPolicy& policy, std::string_view key) {
  return decide(policy, key, false);
}

RateLimitDecision RateLimiter::decide(const RateLimitPolicy& policy, std::string_view key,
                                      bool count) {
  if (policy.limit == 0) return {true, 0, 0, 0};
  const std::int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::steady_clock::now().time_since_epoch())
                                 .count();
  const std::int64_t window = policy.window.count();
  std::string full_key = policy.name;
  full_key += '|';
  full_key += key;
  Shard& shard = shards_[std::hash<std::string>{}(full_key) % kShards];
  std::lock_guard lock(shard.mutex);
  if (shard.windows.size() > 100000) {
    std::erase_if(shard.windows, [&](const auto& kv) { return kv.second.start + window <= now_s; });
  }
  Window& w = shard.windows[full_key];
  if (w.start + window <= now_s) w = {now_s, 0};
  const std::int64_t reset = w.start + window - now_s;
  if (w.count >= policy.limit) return {false, policy.limit, 0, reset};
  if (count) ++w.count;
  return {true, policy.limit, policy.limit - w.count, reset};
}

std::vector<std::pair<std::string, std::string>> RateLimiter::headers(const RateLimitPolicy& policy,
                                                                      const RateLimitDecision& d) {
  std::vector<std::pair<std::string, std::string>> h;
  h.emplace_back("RateLimit-Policy", "\"" + policy.name + "\";q=" + std::to_string(policy.limit) +
                                         ";w=" + std::to_string(policy.window.count()));
  h.emplace_back("RateLimit", "\"" + policy.name + "\";r=" + std::to_string(d.remaining) +
                                  ";t=" + std::to_string(d.reset_seconds));
  // The same budget under the names many clients (and the docs' frontend) read.
  h.emplace_back("X-RateLimit-Limit", std::to_string(policy.limit));
  h.emplace_back("X-RateLimit-Remaining", std::to_string(d.remaining));
  if (!d.allowed)
    h.emplace_back("Retry-After", std::to_string(std::max<std::int64_t>(1, d.reset_seconds)));
  return h;
}

}  // namespace deltalabs::http
