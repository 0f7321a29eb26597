#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/row_reader.h"
#include "storage/row_set.h"
#include "storage/value.h"

struct pg_conn;
struct pg_result;

namespace deltalabs {

// Frees a libpq result.
struct PgResultDeleter {
  void operator()(pg_result* res) const;
};
// A libpq result and its ownership.
using PgResultPtr = std::unique_ptr<pg_result, PgResultDeleter>;

// Parameters as the text libpq sends: integers, shortest round-trip reals,
// booleans as true/false, texts as they are, NULLs as null pointers. Keeps
// `params` referenced: it must outlive this.
class PgParams {
 public:
  explicit PgParams(const Params& params);
  // How many parameters.
  int count() const { return static_cast<int>(pointers_.size()); }
  // One pointer per parameter, null for NULL.
  const char* const* values() const { return pointers_.data(); }

 private:
  std::vector<std::string> storage_;
  std::vector<const char*> pointers_;
};

// The error of a statement that failed (`res` may be null: libpq's own
// message then), mapped from its SQLSTATE; a lost connection is 503
// DATABASE_UNAVAILABLE. `sql` is quoted in the cause, for logs.
Error pg_error(const pg_result* res, pg_conn* conn, std::string_view sql);
// Every row of a result, values normalised (booleans, integers, reals, RFC 3339 times).
RowSet pg_rows(const pg_result* res);
// Visits every row of a result where libpq holds it, as pg_rows() reads it.
void pg_visit_rows(const pg_result* res, const std::function<void(const RowReader&)>& visit);
// The rows a command changed.
std::int64_t pg_affected_rows(const pg_result* res);

}  // namespace deltalabs
