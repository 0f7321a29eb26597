#include "storage/sqlite_database.h"

#include <filesystem>
#include <memory>
#include <optional>
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

// The read scope open on this thread: which database it belongs to, the
// reader it lends (taken at the first read) and whether a read transaction
// is open on it. One scope per thread; a scope on another database is ignored.
struct ThreadReadScope {
  const SqliteDatabase* db = nullptr;
  std::optional<ConnectionLease> reader;
  bool in_snapshot = false;
};

thread_local ThreadReadScope t_scope;

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

Result<ConnectionLease> SqliteDatabase::read() {
  if (t_scope.db != this) return readers_->acquire();
  if (!t_scope.reader) {
    DL_ASSIGN_OR_RETURN(auto lease, readers_->acquire());
    t_scope.reader.emplace(std::move(lease));
  }
  Connection& conn = **t_scope.reader;
  if (!t_scope.in_snapshot) {
    // Deferred: the read transaction (and the WAL read lock) starts at the first SELECT.
    DL_TRY(conn.execute("BEGIN", {}));
    t_scope.in_snapshot = true;
  }
  // The scope owns the reader; this lease only lends it.
  return ConnectionLease(&conn, [](Connection*) {});
}

Result<ConnectionLease> SqliteDatabase::write() {
  // Reads inside and after the write transaction must not see an older snapshot.
  end_snapshot();
  DL_ASSIGN_OR_RETURN(auto lease, writer_->acquire());
  if (t_scope.db != this) return lease;
  auto held = std::make_shared<ConnectionLease>(std::move(lease));
  Connection* conn = &**held;
  return ConnectionLease(conn, [this, held](Connection*) mutable {
    held.reset();
    end_snapshot();
  });
}

void SqliteDatabase::open_read_scope() {
  if (t_scope.db == this) {
    end_snapshot();  // opened again: start from a fresh snapshot
  } else if (t_scope.db == nullptr) {
    t_scope.db = this;
  }
}

void SqliteDatabase::close_read_scope() {
  if (t_scope.db != this) return;
  end_snapshot();
  t_scope.reader.reset();
  t_scope.db = nullptr;
}

void SqliteDatabase::end_snapshot() {
  if (t_scope.db != this || !t_scope.in_snapshot) return;
  t_scope.in_snapshot = false;
  Connection& conn = **t_scope.reader;
  // A read-only transaction has nothing to lose; if COMMIT fails, ROLLBACK ends it.
  if (!conn.execute("COMMIT", {}).ok()) static_cast<void>(conn.execute_script("ROLLBACK"));
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
