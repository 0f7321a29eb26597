#include "storage/postgres_pipeline.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace deltalabs {

PostgresPipeline::PostgresPipeline(std::string url, const std::atomic<int>* deadline_ms)
    : url_(std::move(url)), deadline_ms_(deadline_ms), sender_([this] { send_batches(); }) {}

PostgresPipeline::~PostgresPipeline() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  queued_.notify_one();
  sender_.join();
}

Result<PgResultPtr> PostgresPipeline::run(std::string_view sql, const Params& params) {
  Waiter waiter;
  waiter.statement.sql = sql;
  waiter.statement.params = &params;
  load_.fetch_add(1, std::memory_order_relaxed);
  {
    const std::lock_guard lock(mutex_);
    queue_.push_back(&waiter);
  }
  queued_.notify_one();
  {
    std::unique_lock lock(waiter.mutex);
    waiter.answered.wait(lock, [&waiter] { return waiter.done; });
  }
  load_.fetch_sub(1, std::memory_order_relaxed);
  return std::move(*waiter.statement.outcome);
}

Result<PostgresConnection*> PostgresPipeline::connection(bool was_idle) {
  // After a pause the server may have closed the connection (a restart, a
  // failover): broken() notices without sending. Under load, a lost
  // connection shows in the batch that finds it.
  if (conn_ && was_idle && conn_->broken()) conn_.reset();
  if (conn_) return conn_.get();
  auto fresh = std::make_unique<PostgresConnection>(url_, deadline_ms_);
  if (!fresh->open_status().ok()) return fresh->open_status().error();
  conn_ = std::move(fresh);
  return conn_.get();
}

void PostgresPipeline::send_batches() {
  std::vector<Waiter*> batch;
  std::vector<PostgresConnection::BatchStatement*> statements;
  std::vector<Waiter*> again;
  for (;;) {
    bool was_idle = false;
    {
      std::unique_lock lock(mutex_);
      if (queue_.empty() && !stopping_) {
        was_idle = true;
        queued_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      }
      if (queue_.empty()) return;  // stopping, and nothing left to run
      const std::size_t n = std::min(queue_.size(), kMaxBatch);
      batch.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    }
    auto conn = connection(was_idle);
    if (!conn.ok()) {
      // The server cannot be reached: what queued during the attempt fails
      // with it too, so no statement waits for more than one attempt.
      const std::lock_guard lock(mutex_);
      batch.insert(batch.end(), queue_.begin(), queue_.end());
      queue_.clear();
    }
    statements.clear();
    for (Waiter* waiter : batch) {
      if (!conn.ok()) waiter->statement.outcome.emplace(conn.error());
      statements.push_back(&waiter->statement);
    }
    if (conn.ok()) (*conn)->run_batch(statements);
    if (conn.ok() && (*conn)->lost()) conn_.reset();
    // Statements another one's failure rolled back go first into the next batch.
    again.clear();
    for (Waiter* waiter : batch) {
      if (!waiter->statement.outcome) {
        again.push_back(waiter);
        continue;
      }
      const std::lock_guard lock(waiter->mutex);
      waiter->done = true;
      waiter->answered.notify_one();
    }
    if (!again.empty()) {
      const std::lock_guard lock(mutex_);
      queue_.insert(queue_.begin(), again.begin(), again.end());
    }
  }
}

}  // namespace deltalabs
