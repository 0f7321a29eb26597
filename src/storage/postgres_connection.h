#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "storage/connection.h"
#include "storage/pg_result.h"
#include "storage/statement_cache.h"

struct pg_conn;
struct pg_result;

namespace deltalabs {

// A libpq connection in UTC. Statements are prepared once per connection;
// values come back as text and are normalised (booleans, integers, RFC 3339 times).
// A lost server (closed socket, failover, a statement past its deadline) marks
// the connection broken, and every later call fails with 503 DATABASE_UNAVAILABLE.
class PostgresConnection final : public Connection {
 public:
  // Connects to `url` (any libpq URL, several hosts too), within 5 s unless
  // the URL sets connect_timeout. `deadline_ms`, when given and above zero, is
  // how long each statement may take (read at each statement; it must outlive
  // the connection). Check open_status() afterwards.
  explicit PostgresConnection(const std::string& url,
                              const std::atomic<int>* deadline_ms = nullptr);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  // The connect error, if connecting failed.
  const Status& open_status() const { return open_status_; }

  Result<RowSet> query(std::string_view sql, const Params& params) override;
  // Visits the rows in libpq's buffer, as query() would read them.
  Status query_each(std::string_view sql, const Params& params,
                    const std::function<void(const RowReader&)>& visit) override;
  Result<std::int64_t> execute(std::string_view sql, const Params& params) override;
  Status execute_script(std::string_view sql) override;
  Dialect dialect() const override { return Dialect::kPostgres; }
  // Also true when the server closed an idle connection (a restart, a failover):
  // what it sent is read without waiting.
  bool broken() const override;
  // True once a statement found the server gone (no look at the socket).
  bool lost() const { return lost_; }

  // A statement of a batch (run_batch), then its outcome: the result, the
  // error, or none when it must run again (another statement of its batch failed).
  struct BatchStatement {
    std::string_view sql;
    const Params* params = nullptr;
    std::optional<Result<PgResultPtr>> outcome;
    bool prepares = false;  // set by run_batch: the batch prepared its text
  };
  // Runs the statements in one round trip (libpq pipeline mode) as one
  // implicit transaction, each on a snapshot of its own, within one deadline.
  // Outcomes are given once the transaction ended: all of them when it
  // committed; when a statement failed, only its error (the others were
  // rolled back with it and run again in a later batch); when the server was
  // lost (503) or the commit failed, that error to every statement.
  void run_batch(std::span<BatchStatement* const> batch);

 private:
  struct Prepared {
    std::string name;
  };
  // Runs a prepared statement; the caller owns (and must PQclear) the result.
  Result<pg_result*> run(std::string_view sql, const Params& params);
  // Queues a batch's statements and its sync; false when libpq refused one.
  bool send_batch(std::span<BatchStatement* const> batch);
  // Reads a sent batch's answers into its statements' outcomes; the error
  // when the connection was lost (the statements without an outcome get it).
  Status read_batch(std::span<BatchStatement* const> batch,
                    std::chrono::steady_clock::time_point deadline);
  // The next result of a pipeline, waiting within the deadline; null at the
  // end of a statement's results, an error when the server is gone.
  Result<pg_result*> next_result(std::chrono::steady_clock::time_point deadline);
  // When a statement sent now must be answered by, from the deadline setting.
  std::chrono::steady_clock::time_point statement_deadline() const;
  // Sends what libpq holds, reading answers meanwhile; false at the deadline.
  bool flush_within(std::chrono::steady_clock::time_point deadline);
  // Waits until libpq holds a whole result, or the connection failed; false at the deadline.
  bool await_readable(std::chrono::steady_clock::time_point deadline);
  // The 503 of a statement the server did not answer in time; the connection is lost.
  Error timed_out(std::string_view sql);
  // Deallocates every prepared statement when `statements` more would pass the cache's limit.
  Status make_room(std::size_t statements);
  // A name no statement of this connection has had.
  std::string next_statement_name();
  // Waits for what the command just sent returns, within the deadline; the
  // last result (the error, when one failed), which the caller must PQclear.
  Result<pg_result*> await_result(std::string_view sql);
  // Waits until the socket is ready for `events` or the deadline passes.
  bool wait_socket(short events, std::chrono::steady_clock::time_point deadline) const;
  // The error of a command that failed; a lost connection is marked broken.
  Error failed(const pg_result* res, std::string_view sql);
  // The error of a call made after the connection was lost.
  Error lost_error() const;

  pg_conn* conn_ = nullptr;
  const std::atomic<int>* deadline_ms_ = nullptr;
  mutable bool lost_ = false;  // set by broken() too, when it finds the socket closed
  Status open_status_;
  StatementCache<Prepared> cache_;
  std::size_t next_statement_ = 0;
  std::vector<std::pair<std::string, std::string>> batch_names_;  // texts a batch prepares, names
};

}  // namespace deltalabs
