#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "core/result.h"
#include "storage/row_reader.h"
#include "storage/row_set.h"
#include "storage/value.h"

namespace deltalabs {

// The SQL dialect a backend speaks.
enum class Dialect { kSqlite, kPostgres };

// Storage error codes carried in Error::code, so repositories can tell an
// expected constraint failure from a broken database.
namespace storage_code {
inline constexpr const char* kUniqueViolation = "UNIQUE_VIOLATION";
inline constexpr const char* kForeignKeyViolation = "FOREIGN_KEY_VIOLATION";
inline constexpr const char* kCheckViolation = "CHECK_VIOLATION";
inline constexpr const char* kNotNullViolation = "NOT_NULL_VIOLATION";
inline constexpr const char* kSerializationFailure = "SERIALIZATION_FAILURE";
inline constexpr const char* kDatabaseUnavailable = "DATABASE_UNAVAILABLE";
inline constexpr const char* kDatabaseError = "DATABASE_ERROR";
}  // namespace storage_code

// One open database connection. SQL uses $1, $2, ... placeholders on every
// backend. Statements are prepared once per connection and cached by text.
// Not thread-safe: a connection is used by one thread at a time (see Database).
class Connection {
 public:
  virtual ~Connection() = default;

  // Runs a statement and returns every row it produced.
  virtual Result<RowSet> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a statement and hands each row to `visit` as it is read, keeping
  // none: for results written straight out (a page of a list). The rows are
  // the ones query() returns; here, by default, they are read through it.
  virtual Status query_each(std::string_view sql, const Params& params,
                            const std::function<void(const RowReader&)>& visit);
  // Runs a statement and returns the number of rows it changed.
  virtual Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs several ;-separated statements without parameters (migrations, scripts).
  virtual Status execute_script(std::string_view sql) = 0;
  // The dialect of this connection.
  virtual Dialect dialect() const = 0;
  // True when the connection is lost and must not go back to its pool.
  virtual bool broken() const { return false; }
};

}  // namespace deltalabs
