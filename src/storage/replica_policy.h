#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace deltalabs {

// A PostgreSQL WAL position (pg_lsn), ordered as the server orders them.
using Lsn = std::uint64_t;

// Reads pg_lsn's text form "X/Y" (two hex numbers); nullopt when malformed.
std::optional<Lsn> parse_lsn(std::string_view text);
// Writes an LSN in pg_lsn's text form, e.g. "16/B374D848".
std::string format_lsn(Lsn lsn);

// What a replica said the last time it was asked.
struct ReplicaStatus {
  Lsn replay_lsn = 0;                // pg_last_wal_replay_lsn()
  std::chrono::milliseconds lag{0};  // how far behind the primary's commits it replays
};

// The routing decision of read replicas, without I/O (decision 0029, "Read
// routing"): a request that may read slightly stale data goes to the replica
// when the replica answered lately, lags at most `max_lag`, and has replayed
// the client's last write. Not thread-safe: its owner locks around it.
class ReplicaPolicy {
 public:
  using Clock = std::chrono::steady_clock;

  struct Options {
    std::chrono::milliseconds max_lag{10000};      // a replica further behind is skipped
    std::chrono::milliseconds status_ttl{100};     // how long a status is trusted
    std::chrono::milliseconds down_backoff{2000};  // how long a failed replica is skipped
  };

  explicit ReplicaPolicy(Options options) : options_(options) {}

  // Whether the replica should be asked for its status now: the last status is
  // older than its TTL and the replica is not inside a back-off.
  bool needs_status(Clock::time_point now) const;
  // Records what the replica answered at `now`.
  void observe(Clock::time_point now, ReplicaStatus status);
  // Records that the replica failed at `now`: it is skipped for the back-off.
  void mark_down(Clock::time_point now);
  // True when a read whose client last wrote at `client_lsn` (nullopt: no
  // write known) may go to the replica at `now`.
  bool use_replica(Clock::time_point now, std::optional<Lsn> client_lsn) const;

 private:
  Options options_;
  std::optional<ReplicaStatus> status_;
  Clock::time_point status_at_{};
  std::optional<Clock::time_point> down_until_;
};

}  // namespace deltalabs
