#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs {

// A connection borrowed from a Database; returned to its pool on destruction.
class ConnectionLease {
 public:
  ConnectionLease(Connection* connection, std::function<void(Connection*)> release)
      : connection_(connection), release_(std::move(release)) {}
  ConnectionLease(ConnectionLease&& other) noexcept
      : connection_(std::exchange(other.connection_, nullptr)),
        release_(std::move(other.release_)) {}
  ConnectionLease& operator=(ConnectionLease&&) = delete;
  ConnectionLease(const ConnectionLease&) = delete;
  ConnectionLease& operator=(const ConnectionLease&) = delete;
  ~ConnectionLease() {
    if (connection_ != nullptr) release_(connection_);
  }

  Connection& operator*() const { return *connection_; }
  Connection* operator->() const { return connection_; }

 private:
  Connection* connection_;
  std::function<void(Connection*)> release_;
};

// How busy a connection pool is, for /metrics.
struct PoolStats {
  std::size_t size = 0;
  std::size_t in_use = 0;
  std::size_t waiting = 0;
};

// A database: a pool of connections to one SQLite file or PostgreSQL server.
// Thread-safe. Reads may run in parallel; write transactions go through
// transaction(), which retries serialization failures.
class Database {
 public:
  virtual ~Database() = default;

  // The dialect of every connection.
  virtual Dialect dialect() const = 0;
  // Borrows a connection for reads (autocommit).
  virtual Result<ConnectionLease> read() = 0;
  // Borrows the connection a write transaction runs on (SQLite has one writer).
  virtual Result<ConnectionLease> write() = 0;
  // Opens a read scope on the calling thread: until close_read_scope(), read()
  // on this thread lends one connection whose reads share one snapshot, which
  // ends (and the next read starts a fresh one) whenever a write lease is
  // taken or returned on this thread. Backends where a snapshot costs round
  // trips (PostgreSQL) keep one snapshot per statement: that is the default.
  virtual void open_read_scope() {}
  // Ends the calling thread's read scope and its snapshot.
  virtual void close_read_scope() {}
  // From now on a statement waits at most `deadline` (0 = no limit) for the
  // server, then fails with 503 DATABASE_UNAVAILABLE and its connection is
  // dropped: `serve` sets it once migrations ran. SQLite ignores it (its
  // waits are bounded by busy_timeout).
  virtual void limit_statements(std::chrono::milliseconds /*deadline*/) {}
  // Checks that the database answers a trivial query.
  virtual Status ping() = 0;
  // Current pool use.
  virtual PoolStats stats() const = 0;
  // The location without credentials, for logs.
  virtual std::string describe() const = 0;

  // Runs fn(Connection&) inside one transaction and returns its Result. Commits
  // when fn succeeds, rolls back when it returns an error or throws, and runs
  // fn again (up to 5 times) when the database reports a serialization failure.
  template <class F>
  auto transaction(F&& fn) -> decltype(fn(std::declval<Connection&>())) {
    using R = decltype(fn(std::declval<Connection&>()));
    for (int attempt = 1;; ++attempt) {
      auto lease = write();
      if (!lease.ok()) return R(std::move(lease).error());
      Connection& conn = **lease;
      if (auto begun = conn.execute_script(begin_statement()); !begun.ok()) {
        // Nothing ran yet: a connection the server had dropped (a restart)
        // is discarded with its lease, and the next one tried.
        if (conn.broken() && attempt < kMaxAttempts) continue;
        return R(std::move(begun).error());
      }
      RollbackGuard guard(conn);
      R result = fn(conn);
      if (result.ok()) {
        auto committed = conn.execute_script("COMMIT");
        guard.disarm();
        if (committed.ok()) return result;
        static_cast<void>(conn.execute_script("ROLLBACK"));
        if (!is_retryable(committed.error()) || attempt >= kMaxAttempts)
          return R(std::move(committed).error());
      } else {
        guard.rollback_now();
        if (!is_retryable(result.error()) || attempt >= kMaxAttempts) return result;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(attempt * 2));
    }
  }

 protected:
  // The statement that opens a write transaction.
  virtual const char* begin_statement() const = 0;

 private:
  static constexpr int kMaxAttempts = 5;

  static bool is_retryable(const Error& e) { return e.code == storage_code::kSerializationFailure; }

  // Rolls back a transaction left open by an exception.
  class RollbackGuard {
   public:
    explicit RollbackGuard(Connection& conn) : conn_(&conn) {}
    RollbackGuard(const RollbackGuard&) = delete;
    RollbackGuard& operator=(const RollbackGuard&) = delete;
    ~RollbackGuard() { rollback_now(); }
    void disarm() { conn_ = nullptr; }
    void rollback_now() {
      if (conn_ != nullptr) static_cast<void>(conn_->execute_script("ROLLBACK"));
      conn_ = nullptr;
    }

   private:
    Connection* conn_;
  };
};

// Options shared by every backend.
struct DatabaseOptions {
  std::string url = "sqlite:./var/deltalabs.db";
  std::size_t pool_size = 8;
  std::chrono::milliseconds busy_timeout{5000};
  // PostgreSQL: connections that carry every request's autocommit reads in
  // batches (libpq pipeline mode, decision 0031); 0 = each read borrows a
  // pooled connection. SQLite ignores it.
  std::size_t read_pipelines = 0;
};

// Whether a database URL names a PostgreSQL server (postgresql:// or postgres://).
bool is_postgres_url(std::string_view url);

// Opens the database a URL names: `sqlite:PATH` (or a path ending in .db) or
// `postgresql://...` / `postgres://...`. Creates a SQLite file and its folder if needed.
Result<std::unique_ptr<Database>> open_database(const DatabaseOptions& options);

}  // namespace deltalabs
