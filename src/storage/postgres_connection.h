#pragma once

#include <string>

#include "storage/connection.h"
#include "storage/statement_cache.h"

struct pg_conn;
struct pg_result;

namespace deltalabs {

// A libpq connection in UTC. Statements are prepared once per connection;
// values come back as text and are normalised (booleans, integers, RFC 3339 times).
class PostgresConnection final : public Connection {
 public:
  // Connects to `url`. Check open_status() afterwards.
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  // The connect error, if connecting failed.
  const Status& open_status() const { return open_status_; }

  Result<RowSet> query(std::string_view sql, const Params& params) override;
  Result<std::int64_t> execute(std::string_view sql, const Params& params) override;
  Status execute_script(std::string_view sql) override;
  Dialect dialect() const override { return Dialect::kPostgres; }
  bool broken() const override;

 private:
  struct Prepared {
    std::string name;
  };
  // Runs a prepared statement; the caller owns (and must PQclear) the result.
  Result<pg_result*> run(std::string_view sql, const Params& params);

  pg_conn* conn_ = nullptr;
  Status open_status_;
  StatementCache<Prepared> cache_;
  std::size_t next_statement_ = 0;
};

}  // namespace deltalabs
