#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "storage/pg_result.h"
#include "storage/postgres_connection.h"

namespace deltalabs {

// One PostgreSQL connection that many threads' autocommit statements share
// (decision 0031): a sender thread takes every statement queued while the
// previous batch was out and sends them as the next batch, in one round trip
// (PostgresConnection::run_batch), so the server wakes once per batch rather
// than once per statement. A lost connection fails its batch with 503 and is
// replaced for the next one. Thread-safe.
class PostgresPipeline {
 public:
  // Connects lazily to `url`; `deadline_ms` as for PostgresConnection (it
  // must outlive the pipeline).
  PostgresPipeline(std::string url, const std::atomic<int>* deadline_ms);
  // Runs what is queued, then stops the sender.
  ~PostgresPipeline();
  PostgresPipeline(const PostgresPipeline&) = delete;
  PostgresPipeline& operator=(const PostgresPipeline&) = delete;

  // Runs one statement in the next batch and waits for its result.
  Result<PgResultPtr> run(std::string_view sql, const Params& params);
  // Statements queued or in flight: callers pick the least busy pipeline.
  std::size_t load() const { return load_.load(std::memory_order_relaxed); }

  // The most statements one batch carries.
  static constexpr std::size_t kMaxBatch = 32;

 private:
  // A statement and the thread that waits for it. The sender signals under
  // the lock, so the waiter (on its thread's stack) outlives the signal.
  struct Waiter {
    PostgresConnection::BatchStatement statement;
    std::mutex mutex;
    std::condition_variable answered;
    bool done = false;  // guarded by mutex
  };
  // The sender thread: batches until stopped and drained.
  void send_batches();
  // The connection for the next batch, made anew when there is none or the
  // last one was lost; null (and the error) when the server cannot be reached.
  Result<PostgresConnection*> connection(bool was_idle);

  const std::string url_;
  const std::atomic<int>* deadline_ms_;
  std::atomic<std::size_t> load_{0};
  std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<Waiter*> queue_;                 // guarded by mutex_
  bool stopping_ = false;                     // guarded by mutex_
  std::unique_ptr<PostgresConnection> conn_;  // the sender thread's
  std::thread sender_;
};

}  // namespace deltalabs
