#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storage/connection.h"
#include "storage/statement_cache.h"

struct sqlite3;
struct sqlite3_stmt;

namespace deltalabs {

// A connection to a SQLite file with foreign keys on and a busy timeout.
class SqliteConnection final : public Connection {
 public:
  // Opens `path`; creates it when `create` is set. Check ok() afterwards.
  SqliteConnection(const std::string& path, bool create, int busy_timeout_ms);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // The open error, if opening failed.
  const Status& open_status() const { return open_status_; }

  Result<RowSet> query(std::string_view sql, const Params& params) override;
  // Hands each row to `visit` straight from the statement, without copying it.
  Status query_each(std::string_view sql, const Params& params,
                    const std::function<void(const RowReader&)>& visit) override;
  Result<std::int64_t> execute(std::string_view sql, const Params& params) override;
  Status execute_script(std::string_view sql) override;
  Dialect dialect() const override { return Dialect::kSqlite; }

 private:
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    std::vector<int> slot_of_param;  // $N -> bind slot (0 when $N is unused)
    // Result column names, read once and shared by every RowSet of the statement.
    std::shared_ptr<const std::vector<std::string>> columns;
  };

  Result<Prepared*> prepare(std::string_view sql);
  Status bind(Prepared& p, const Params& params);
  // Prepares `sql`, binds `params` and reads its result column names if the
  // statement has none yet: a statement ready to step.
  Result<Prepared*> prepare_bound(std::string_view sql, const Params& params);
  // Calls on_row(prepared, column count) for each row of `p`, which returns
  // false when SQLite ran out of memory reading it. The statement is reset
  // however the rows end.
  template <class OnRow>
  Status step_rows(Prepared& p, std::string_view sql, OnRow on_row);
  Error error_from(int rc, std::string_view sql) const;
  void clear_cache();

  sqlite3* db_ = nullptr;
  Status open_status_;
  StatementCache<Prepared> cache_;
};

}  // namespace deltalabs
