#include "platform/rate_counters.h"

namespace deltalabs {

namespace {

// $1 key, $2 now, $3 the end of a window starting now, $4 the limit. A hit
// past the limit leaves the count at limit + 1: refused, and not counted.
constexpr const char* kHit =
    "INSERT INTO rate_limit_counters AS r (key, hits, resets_at_ms) VALUES ($1, 1, $3) "
    "ON CONFLICT (key) DO UPDATE SET "
    "hits = CASE WHEN r.resets_at_ms <= $2 THEN 1 WHEN r.hits > $4 THEN r.hits "
    "ELSE r.hits + 1 END, "
    "resets_at_ms = CASE WHEN r.resets_at_ms <= $2 THEN $3 ELSE r.resets_at_ms END "
    "RETURNING hits, resets_at_ms";
constexpr const char* kPeek =
    "SELECT hits, resets_at_ms FROM rate_limit_counters WHERE key = $1 AND resets_at_ms > $2";
constexpr const char* kSweep = "DELETE FROM rate_limit_counters WHERE resets_at_ms <= $1";

}  // namespace

Result<RateCount> RateCounters::hit(Connection& c, const std::string& key, std::int64_t window_ms,
                                    std::int64_t limit, std::int64_t now_ms) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(kHit, {key, now_ms, now_ms + window_ms, limit}));
  if (rows.empty()) return Error::internal("rate counter upsert returned no row");
  return RateCount{rows[0].integer(0), rows[0].integer(1)};
}

Result<std::optional<RateCount>> RateCounters::peek(Connection& c, const std::string& key,
                                                    std::int64_t now_ms) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(kPeek, {key, now_ms}));
  if (rows.empty()) return std::optional<RateCount>();
  return std::optional<RateCount>(RateCount{rows[0].integer(0), rows[0].integer(1)});
}

Result<std::int64_t> RateCounters::sweep(Connection& c, std::int64_t now_ms) {
  return c.execute(kSweep, {now_ms});
}

}  // namespace deltalabs
