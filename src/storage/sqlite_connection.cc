#include "storage/sqlite_connection.h"

#include <sqlite3.h>

#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <new>
#include <string_view>

#include "core/case_fold.h"

namespace deltalabs {

namespace {

// SQL case_fold_key(text): the key core/case_fold.h computes, so SQL run on
// SQLite (migration 0007's backfill) folds exactly as the services do. NULL stays NULL.
void case_fold_key_function(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const std::string key =
      case_fold_key(std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))));
  sqlite3_result_text(ctx, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

// Read pages through a shared map of the file: a request touching rows spread
// over the file (a search page) then copies no page into a per-connection
// cache. 1 GiB of address space; only the pages in use stay resident.
constexpr const char* kMapPragma = "PRAGMA mmap_size = 1073741824;";

// Process-wide settings, made before SQLite initialises. Memory statistics
// off: with them on, every allocation SQLite makes takes one global mutex,
// which all request threads contend for.
void configure_library_once() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

// The names of a statement's result columns.
std::shared_ptr<const std::vector<std::string>> column_names(sqlite3_stmt* stmt) {
  const int count = sqlite3_column_count(stmt);
  std::vector<std::string> names;
  names.reserve(count);
  for (int i = 0; i < count; ++i) names.emplace_back(sqlite3_column_name(stmt, i));
  return std::make_shared<const std::vector<std::string>>(std::move(names));
}

// The row a statement is on, read in place (query_each).
class StatementRowReader final : public RowReader {
 public:
  explicit StatementRowReader(sqlite3_stmt* stmt) : stmt_(stmt) {}

  bool is_null(std::size_t i) const override {
    return sqlite3_column_type(stmt_, column(i)) == SQLITE_NULL;
  }
  std::string_view text(std::size_t i) const override {
    sqlite3_value* value = sqlite3_column_value(stmt_, column(i));
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
    if (text == nullptr) {
      if (sqlite3_value_type(value) == SQLITE_NULL) return {};
      throw std::bad_alloc();  // converting the value to text ran out of memory
    }
    return {text, static_cast<std::size_t>(sqlite3_value_bytes(value))};
  }
  std::int64_t integer(std::size_t i) const override {
    return sqlite3_column_int64(stmt_, column(i));
  }

 private:
  static int column(std::size_t i) { return static_cast<int>(i); }
  sqlite3_stmt* stmt_;
};

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, bool create, int busy_timeout_ms) {
  configure_library_once();
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr); rc != SQLITE_OK) {
    open_status_ =
        Error::unavailable(storage_code::kDatabaseUnavailable, "The database cannot be opened.",
                           db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    return;
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_create_function_v2(db_, "case_fold_key", 1,
                             SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                             case_fold_key_function, nullptr, nullptr, nullptr);
  // synchronous=NORMAL writes the WAL at every commit and syncs it at
  // checkpoints: durable across a process crash, not a power cut. Commits
  // that move money or seats are made durable across power loss by a group
  // fsync (storage/CommitDurability, decision 0016);
  // DELTALABS_SQLITE_SYNCHRONOUS=full syncs every commit instead, =normal
  // turns the group fsync off (benchmark baselines).
  const char* level = std::getenv("DELTALABS_SQLITE_SYNCHRONOUS");
  const bool full = level != nullptr && std::string_view(level) == "full";
  open_status_ = execute_script(full ? "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                                     : "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
  if (open_status_.ok()) open_status_ = execute_script(kMapPragma);
}

SqliteConnection::~SqliteConnection() {
  clear_cache();
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

void SqliteConnection::clear_cache() {
  for (auto& [sql, p] : cache_) sqlite3_finalize(p.stmt);
  cache_.clear();
}

Error SqliteConnection::error_from(int rc, std::string_view sql) const {
  std::string cause =
      std::string(sqlite3_errmsg(db_)) + " [" + std::string(sql.substr(0, 200)) + "]";
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return {ErrorKind::kConflict,
              storage_code::kUniqueViolation,
              "A unique rule was violated.",
              {},
              cause};
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return {ErrorKind::kConflict,
              storage_code::kForeignKeyViolation,
              "A reference is not valid.",
              {},
              cause};
    // A trigger's RAISE(ABORT): the rules SQLite cannot declare (lab slots
    // that would overlap), a conflict like PostgreSQL's exclusion constraint.
    case SQLITE_CONSTRAINT_TRIGGER:
      return {ErrorKind::kConflict,
              "EXCLUSION_VIOLATION",
              "An exclusion rule was violated.",
              {},
              cause};
    case SQLITE_CONSTRAINT_CHECK:
      return {ErrorKind::kInvalidInput,
              storage_code::kCheckViolation,
              "A value is not allowed.",
              {},
              cause};
    case SQLITE_CONSTRAINT_NOTNULL:
      return {ErrorKind::kInvalidInput,
              storage_code::kNotNullViolation,
              "A value is missing.",
              {},
              cause};
    default:
      break;
  }
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
    return {ErrorKind::kConflict,
            storage_code::kSerializationFailure,
            "The database is busy.",
            {},
            cause};
  }
  return Error{ErrorKind::kInternal,
               storage_code::kDatabaseError,
               "An unexpected error occurred.",
               {},
               cause};
}

Result<SqliteConnection::Prepared*> SqliteConnection::prepare(std::string_view sql) {
  if (auto it = cache_.find(sql); it != cache_.end()) return &it->second;
  if (cache_.size() >= kStatementCacheLimit) clear_cache();
  Prepared p;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &p.stmt, nullptr);
  if (rc != SQLITE_OK) return error_from(rc, sql);
  // SQLite treats $N as a named parameter; map each number to its bind slot.
  const int count = sqlite3_bind_parameter_count(p.stmt);
  for (int slot = 1; slot <= count; ++slot) {
    const char* name = sqlite3_bind_parameter_name(p.stmt, slot);
    if (name == nullptr || name[0] != '$') continue;
    const int number = std::atoi(name + 1);
    if (number <= 0) continue;
    if (static_cast<int>(p.slot_of_param.size()) < number) p.slot_of_param.resize(number, 0);
    p.slot_of_param[number - 1] = slot;
  }
  return &cache_.emplace(std::string(sql), p).first->second;
}

Status SqliteConnection::bind(Prepared& p, const Params& params) {
  sqlite3_reset(p.stmt);
  sqlite3_clear_bindings(p.stmt);
  const auto& values = params.values();
  for (std::size_t i = 0; i < values.size() && i < p.slot_of_param.size(); ++i) {
    const int slot = p.slot_of_param[i];
    if (slot == 0) continue;
    const Value& v = values[i];
    int rc = SQLITE_OK;
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      rc = sqlite3_bind_int64(p.stmt, slot, *n);
    } else if (const auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(p.stmt, slot, *d);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      rc =
          sqlite3_bind_text(p.stmt, slot, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    } else if (const auto* b = std::get_if<bool>(&v)) {
      rc = sqlite3_bind_int64(p.stmt, slot, *b ? 1 : 0);
    } else {
      rc = sqlite3_bind_null(p.stmt, slot);
    }
    if (rc != SQLITE_OK) return error_from(rc, "bind");
  }
  return {};
}

Result<SqliteConnection::Prepared*> SqliteConnection::prepare_bound(std::string_view sql,
                                                                    const Params& params) {
  DL_ASSIGN_OR_RETURN(Prepared * p, prepare(sql));
  DL_TRY(bind(*p, params));
  // Read once per statement. A schema change re-prepares it behind our back;
  // were that to change a `SELECT *`'s column count, the names are read again.
  const auto ncols = static_cast<std::size_t>(sqlite3_column_count(p->stmt));
  if (!p->columns || p->columns->size() != ncols) p->columns = column_names(p->stmt);
  return p;
}

template <class OnRow>
Status SqliteConnection::step_rows(Prepared& p, std::string_view sql, OnRow on_row) {
  // Resets the statement however the rows end, exceptions included.
  struct Reset {
    sqlite3_stmt* stmt;
    ~Reset() { sqlite3_reset(stmt); }
  };
  const Reset reset{p.stmt};
  const int ncols = sqlite3_column_count(p.stmt);
  for (;;) {
    const int rc = sqlite3_step(p.stmt);
    if (rc == SQLITE_DONE) return {};
    if (rc != SQLITE_ROW) return error_from(sqlite3_extended_errcode(db_), sql);
    if (!on_row(p, ncols)) return error_from(SQLITE_NOMEM, sql);
  }
}

Result<RowSet> SqliteConnection::query(std::string_view sql, const Params& params) {
  DL_ASSIGN_OR_RETURN(Prepared * p, prepare_bound(sql, params));
  RowSet rows(p->columns);
  DL_TRY(step_rows(*p, sql, [&rows](const Prepared& prepared, int ncols) {
    std::vector<Value> row;
    row.reserve(ncols);
    for (int i = 0; i < ncols; ++i) {
      // One column lookup, then the value's own accessors: the sqlite3_column_*
      // calls would each look the column up and check for an allocation failure.
      sqlite3_value* value = sqlite3_column_value(prepared.stmt, i);
      switch (sqlite3_value_type(value)) {
        case SQLITE_INTEGER:
          row.emplace_back(static_cast<std::int64_t>(sqlite3_value_int64(value)));
          break;
        case SQLITE_FLOAT:
          row.emplace_back(sqlite3_value_double(value));
          break;
        case SQLITE_NULL:
          row.emplace_back(std::monostate{});
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
          if (text == nullptr) return false;  // out of memory converting the value to text
          row.emplace_back(std::string(text, static_cast<std::size_t>(sqlite3_value_bytes(value))));
        }
      }
    }
    rows.add_row(std::move(row));
    return true;
  }));
  return rows;
}

Status SqliteConnection::query_each(std::string_view sql, const Params& params,
                                    const std::function<void(const RowReader&)>& visit) {
  DL_ASSIGN_OR_RETURN(Prepared * p, prepare_bound(sql, params));
  return step_rows(*p, sql, [&visit](const Prepared& prepared, int) {
    visit(StatementRowReader(prepared.stmt));
    return true;
  });
}

Result<std::int64_t> SqliteConnection::execute(std::string_view sql, const Params& params) {
  DL_ASSIGN_OR_RETURN(Prepared * p, prepare(sql));
  DL_TRY(bind(*p, params));
  int rc = SQLITE_ROW;
  while (rc == SQLITE_ROW) rc = sqlite3_step(p->stmt);
  if (rc != SQLITE_DONE) {
    Error e = error_from(sqlite3_extended_errcode(db_), sql);
    sqlite3_reset(p->stmt);
    return e;
  }
  sqlite3_reset(p->stmt);
  return static_cast<std::int64_t>(sqlite3_changes64(db_));
}

Status SqliteConnection::execute_script(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (message != nullptr) sqlite3_free(message);
  if (rc != SQLITE_OK) return error_from(sqlite3_extended_errcode(db_), sql);
  return {};
}

}  // namespace deltalabs
