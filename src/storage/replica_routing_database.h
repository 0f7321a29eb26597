#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "storage/database.h"
#include "storage/replica_policy.h"

namespace deltalabs {

// A PostgreSQL primary with a streaming read replica behind one Database
// (decision 0029, "Read routing"). Writes and every read go to the primary,
// except the reads of a request its caller brackets as stale-ok: those go to
// the replica when ReplicaPolicy allows (caught up with the client's last
// write, lag within the limit, not down). Inside a bracketed request every
// write transaction records the primary's WAL position for the client.
// Thread-safe; the request bracket is per thread.
class ReplicaRoutingDatabase final : public Database {
 public:
  // How a bracketed request ended.
  struct RequestEnd {
    std::optional<Lsn> wrote;   // the primary's WAL position after its last write
    bool used_replica = false;  // some of its reads went to the replica
  };

  // Takes both databases; `options` tunes the policy.
  ReplicaRoutingDatabase(std::unique_ptr<Database> primary, std::unique_ptr<Database> replica,
                         ReplicaPolicy::Options options);

  // Starts the calling thread's request: reads may go to the replica when
  // `stale_ok`, and only once it replayed `client_lsn` (the client's last write).
  void begin_request(bool stale_ok, std::optional<Lsn> client_lsn);
  // Ends the calling thread's request.
  RequestEnd end_request();
  // Records that the replica failed a request: it is skipped for the back-off.
  void mark_replica_down();

  // Reads lent by the replica and by the primary since start, for /metrics.
  std::uint64_t replica_reads() const { return replica_reads_.load(std::memory_order_relaxed); }
  std::uint64_t primary_reads() const { return primary_reads_.load(std::memory_order_relaxed); }

  // The primary's dialect.
  Dialect dialect() const override { return primary_->dialect(); }
  // A replica connection in a stale-ok request the policy allows, else a primary one.
  Result<ConnectionLease> read() override;
  // A primary connection; in a bracketed request it records the WAL position when returned.
  Result<ConnectionLease> write() override;
  // The primary's read scope.
  void open_read_scope() override { primary_->open_read_scope(); }
  // Ends the primary's read scope.
  void close_read_scope() override { primary_->close_read_scope(); }
  // Both servers' statement deadline (serve sets it after migrations).
  void limit_statements(std::chrono::milliseconds deadline) override {
    primary_->limit_statements(deadline);
    replica_->limit_statements(deadline);
  }
  // Pings the primary: the instance serves without its replica.
  Status ping() override { return primary_->ping(); }
  // The primary's pool.
  PoolStats stats() const override { return primary_->stats(); }
  // Both locations, for logs.
  std::string describe() const override;

 protected:
  // PostgreSQL's BEGIN: routing exists only on PostgreSQL.
  const char* begin_statement() const override { return "BEGIN"; }

 private:
  struct ThreadRequest;
  ThreadRequest& this_thread();
  bool choose_replica(std::optional<Lsn> client_lsn);
  void refresh_status();
  void record_write(Connection& conn);

  std::unique_ptr<Database> primary_;
  std::unique_ptr<Database> replica_;
  std::mutex mutex_;
  ReplicaPolicy policy_;  // guarded by mutex_
  bool asking_ = false;   // a thread is asking the replica for its status; guarded by mutex_
  bool replica_failing_ = false;  // its last status query failed; guarded by mutex_
  std::atomic<std::uint64_t> replica_reads_{0};
  std::atomic<std::uint64_t> primary_reads_{0};
};

}  // namespace deltalabs
