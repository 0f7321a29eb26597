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
  Result<ConnectionLease> read() override;
  Result<ConnectionLease> write() override;
  // One reader and one WAL read transaction for the thread's scope, so a
  // request takes the WAL read lock once instead of once per statement.
  void open_read_scope() override;
  void close_read_scope() override;
  Status ping() override;
  PoolStats stats() const override;
  std::string describe() const override { return "sqlite:" + path_; }

 protected:
  const char* begin_statement() const override { return "BEGIN IMMEDIATE"; }

 private:
  SqliteDatabase(std::string path, const DatabaseOptions& options);
  // Commits the read transaction of this thread's scope, if it has one open.
  void end_snapshot();

  std::string path_;
  std::unique_ptr<ConnectionPool> writer_;
  std::unique_ptr<ConnectionPool> readers_;
};

}  // namespace deltalabs
