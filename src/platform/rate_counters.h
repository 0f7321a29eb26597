#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs {

// A fixed-window counter as the database holds it after a check.
struct RateCount {
  std::int64_t hits = 0;          // hits counted in the window (never more than limit + 1)
  std::int64_t resets_at_ms = 0;  // when the window ends, epoch milliseconds
};

// Rate-limit counters in the rate_limit_counters table, shared by every
// instance on one database (decision 0029): each check is one statement on
// the caller's connection, in autocommit. Windows start at a key's first hit
// and last `window_ms`, as the in-process counters' do.
class RateCounters {
 public:
  // Counts one hit of `key` unless it is already past `limit` (a refused hit
  // is not counted), starting a new window when the old one ended: one
  // upsert that returns the count.
  static Result<RateCount> hit(Connection& c, const std::string& key, std::int64_t window_ms,
                               std::int64_t limit, std::int64_t now_ms);
  // The count of `key`'s current window without counting; nullopt when it has none.
  static Result<std::optional<RateCount>> peek(Connection& c, const std::string& key,
                                               std::int64_t now_ms);
  // Deletes the counters whose windows ended before `now_ms`; how many.
  static Result<std::int64_t> sweep(Connection& c, std::int64_t now_ms);
};

}  // namespace deltalabs
