#pragma once

#include <memory>
#include <string>

#include "storage/connection_pool.h"
#include "storage/database.h"

namespace deltalabs {

// A SQLite file in WAL mode: one writer connection (so write transactions
// queue in-process instead of failing busy) and a pool of parallel readers.
class SqliteDatabase final : public Database {
 public:
  // Opens or creates the file at `path` and switches it to WAL.
  static Result<std::unique_ptr<Database>> open(const std::string& path,
                                                const DatabaseOptions& options);

  Dialect dialect() const override { return Dialect::kSqlite; }
  Result<ConnectionLease> read() override { return readers_->acquire(); }
  Result<ConnectionLease> write() override { return writer_->acquire(); }
  Status ping() override;
  PoolStats stats() const override;
  std::string describe() const override { return "sqlite:" + path_; }

 protected:
  const char* begin_statement() const override { return "BEGIN IMMEDIATE"; }

 private:
  SqliteDatabase(std::string path, const DatabaseOptions& options);

  std::string path_;
  std::unique_ptr<ConnectionPool> writer_;
  std::unique_ptr<ConnectionPool> readers_;
};

}  // namespace deltalabs
