#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/string_map.h"

namespace deltalabs::http {

// A named limit: at most `limit` hits per `window` for one key.
struct RateLimitPolicy {
  std::string name;
  std::uint32_t limit = 10;
  std::chrono::seconds window{60};
};

// The verdict on one hit, with what the RateLimit headers report.
struct RateLimitDecision {
  bool allowed = true;
  std::uint32_t limit = 0;
  std::uint32_t remaining = 0;
  std::int64_t reset_seconds = 0;  // until the window ends
};

// Where RateLimits counts hits: the in-process RateLimiter, or a store that
// the instances sharing a database count in together (decision 0029). A
// limit of 0 disables a policy. Implementations are thread-safe.
class RateCounterStore {
 public:
  virtual ~RateCounterStore() = default;
  // The verdict on one hit of `key` under `policy`; counts the hit when
  // `count` and it is allowed (a refused hit is not counted).
  virtual RateLimitDecision decide(const RateLimitPolicy& policy, std::string_view key,
                                   bool count) = 0;
};

// Fixed-window counters per (policy, key), in memory, sharded to keep lock
// hold times short: a window starts at a key's first hit. A limit of 0
// disables a policy.
class RateLimiter final : public RateCounterStore {
 public:
  // Counts one hit against `key` under `policy`.
  RateLimitDecision hit(const RateLimitPolicy& policy, std::string_view key);
  // The verdict a hit would get now, without counting one: for budgets that
  // only some outcomes spend (failed sign-ins), checked before the attempt.
  RateLimitDecision peek(const RateLimitPolicy& policy, std::string_view key);
  // The verdict on one hit; counts it when `count` and it is allowed.
  RateLimitDecision decide(const RateLimitPolicy& policy, std::string_view key,
                           bool count) override;

  // The headers reporting a decision: the IETF RateLimit-Policy and RateLimit,
  // X-RateLimit-Limit and X-RateLimit-Remaining beside them, and Retry-After
  // on a refusal.
  static std::vector<std::pair<std::string, std::string>> headers(const RateLimitPolicy& policy,
                                                                  const RateLimitDecision& d);

 private:
  struct Window {
    std::int64_t start = 0;
    std::uint32_t count = 0;
  };
  struct Shard {
    std::mutex mutex;
    StringMap<Window> windows;
  };
  static constexpr std::size_t kShards = 16;
  Shard shards_[kShards];
};

}  // namespace deltalabs::http
