#pragma once

#include <atomic>
#include <chrono>
#include <string_view>

#include "http/rate_limiter.h"
#include "storage/database.h"

namespace deltalabs {

// The rate-limit counters of every instance on one PostgreSQL database
// (decision 0029): each check is one statement (RateCounters, an upsert that
// returns the count, or a SELECT for a peek) on a pooled connection, so 11
// failed sign-ins spread over three instances meet one budget of 10. When the
// database cannot be asked the hit is allowed (the request itself needs the
// database and fails on its own) and a warning is logged at most once a
// minute. Thread-safe.
class SharedRateLimiter final : public http::RateCounterStore {
 public:
  explicit SharedRateLimiter(Database& db) : db_(db) {}

  http::RateLimitDecision decide(const http::RateLimitPolicy& policy, std::string_view key,
                                 bool count) override;

 private:
  // `open` (the hit allowed) after a check that failed with `e`; logs it at most once a minute.
  http::RateLimitDecision allowed_unchecked(const Error& e, const http::RateLimitDecision& open);

  Database& db_;
  std::atomic<std::int64_t> last_warning_ms_{0};
};

}  // namespace deltalabs
