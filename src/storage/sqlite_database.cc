#include "storage/sqlite_database.h"

#include <filesystem>
#include <system_error>

#include "storage/sqlite_connection.h"

namespace deltalabs {

namespace {

ConnectionPool::Factory sqlite_factory(const std::string& path, bool create, int busy_ms) {
  return [path, create, busy_ms]() -> Result<std::unique_ptr<Connection>> {
    auto c = std::make_unique<SqliteConnection>(path, create, busy_ms);
    if (!c->open_status().ok()) return c->open_status().error();
    return std::unique_ptr<Connection>(std::move(c));
  };
}

}  // namespace

SqliteDatabase::SqliteDatabase(std::string path, const DatabaseOptions& options)
    : path_(std::move(path)) {
  const int busy_ms = static_cast<int>(options.busy_timeout.count());
  // Waiting for the single writer is the normal queue for writes, so allow it the full busy
  // timeout.
  writer_ = std::make_unique<ConnectionPool>(sqlite_factory(path_, true, busy_ms), 1,
                                             options.busy_timeout * 2);
  readers_ = std::make_unique<ConnectionPool>(sqlite_factory(path_, false, busy_ms),
                                              options.pool_size, options.busy_timeout);
}

Result<std::unique_ptr<Database>> SqliteDatabase::open(const std::string& path,
                                                       const DatabaseOptions& options) {
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) {
      return Error::unavailable(storage_code::kDatabaseUnavailable,
                                "The database folder cannot be created.",
                                parent.string() + ": " + ec.message());
    }
  }
  std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(path, options));
  {
    DL_ASSIGN_OR_RETURN(auto writer, db->write());
    DL_TRY(writer->execute_script("PRAGMA journal_mode = WAL;"));
  }
  return std::unique_ptr<Database>(std::move(db));
}

Status SqliteDatabase::ping() {
  DL_ASSIGN_OR_RETURN(auto conn, read());
  DL_ASSIGN_OR_RETURN(auto rows, conn->query("SELECT 1"));
  if (rows.size() != 1) return Error::internal("ping returned no row");
  return {};
}

PoolStats SqliteDatabase::stats() const {
  const PoolStats r = readers_->stats();
  const PoolStats w = writer_->stats();
  return {r.size + w.size, r.in_use + w.in_use, r.waiting + w.waiting};
}

}  // namespace deltalabs
