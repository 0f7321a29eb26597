#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "storage/connection_pool.h"
#include "storage/database.h"
#include "storage/postgres_pipeline.h"

namespace deltalabs {

// A PostgreSQL server reached through one pool of libpq connections; reads and
// write transactions (READ COMMITTED, retried on serialization failure) share
// it, unless reads go through read pipelines (DatabaseOptions::read_pipelines).
class PostgresDatabase final : public Database {
 public:
  // Connects once to check the URL, then pools lazily.
  static Result<std::unique_ptr<Database>> open(const std::string& url,
                                                const DatabaseOptions& options);

  Dialect dialect() const override { return Dialect::kPostgres; }
  // With read pipelines, a connection whose statements join the least busy
  // pipeline's next batch; else a pooled one.
  Result<ConnectionLease> read() override;
  Result<ConnectionLease> write() override { return pool_->acquire(); }
  void limit_statements(std::chrono::milliseconds deadline) override;
  Status ping() override;
  PoolStats stats() const override { return pool_->stats(); }
  std::string describe() const override { return redacted_; }

 protected:
  const char* begin_statement() const override { return "BEGIN"; }

 private:
  PostgresDatabase(const std::string& url, const DatabaseOptions& options);

  std::string redacted_;
  // Each connection reads it at every statement; declared before the pool
  // so it outlives the connections.
  std::atomic<int> deadline_ms_{0};
  std::unique_ptr<ConnectionPool> pool_;
  std::vector<std::unique_ptr<PostgresPipeline>> pipelines_;
};

// `url` with any password replaced by ***.
std::string redact_database_url(const std::string& url);

}  // namespace deltalabs
