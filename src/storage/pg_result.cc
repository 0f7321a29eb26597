#include "storage/pg_result.h"

#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <cstdlib>

#include "storage/connection.h"

namespace deltalabs {

namespace {

// Type OIDs from pg_type.h, which libpq does not install.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kTimestampOid = 1114;
constexpr Oid kTimestampTzOid = 1184;

// What a constraint or concurrency SQLSTATE means to callers.
struct StateMeaning {
  std::string_view state;
  ErrorKind kind;
  const char* code;
  const char* message;
};

// An exclusion constraint (lab slots that would overlap) is a conflict like a
// unique one, since it is the same rule over ranges; deadlocks and lock
// timeouts are retried like serialization failures.
constexpr StateMeaning kStateMeanings[] = {
    {"23505", ErrorKind::kConflict, storage_code::kUniqueViolation, "A unique rule was violated."},
    {"23P01", ErrorKind::kConflict, "EXCLUSION_VIOLATION", "An exclusion rule was violated."},
    {"23503", ErrorKind::kConflict, storage_code::kForeignKeyViolation,
     "A reference is not valid."},
    {"23514", ErrorKind::kInvalidInput, storage_code::kCheckViolation, "A value is not allowed."},
    {"23502", ErrorKind::kInvalidInput, storage_code::kNotNullViolation, "A value is missing."},
    {"40001", ErrorKind::kConflict, storage_code::kSerializationFailure, "The database is busy."},
    {"40P01", ErrorKind::kConflict, storage_code::kSerializationFailure, "The database is busy."},
    {"55P03", ErrorKind::kConflict, storage_code::kSerializationFailure, "The database is busy."},
};

// "2026-11-24 09:30:00.5+00" -> "2026-11-24T09:30:00.500Z" (the session runs in UTC).
std::string normalise_timestamp(const char* text) {
  std::string s(text);
  if (s.size() < 19) return s;
  std::string out = s.substr(0, 19);
  out[10] = 'T';
  std::string fraction;
  if (s.size() > 19 && s[19] == '.') {
    std::size_t i = 20;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') fraction += s[i++];
  }
  fraction.resize(3, '0');
  return out + "." + fraction.substr(0, 3) + "Z";
}

Value to_value(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return std::monostate{};
  const char* text = PQgetvalue(res, row, col);
  switch (PQftype(res, col)) {
    case kBoolOid:
      return text[0] == 't';
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
      return static_cast<std::int64_t>(std::strtoll(text, nullptr, 10));
    case kFloat4Oid:
    case kFloat8Oid:
      return std::strtod(text, nullptr);
    case kTimestampOid:
    case kTimestampTzOid:
      return normalise_timestamp(text);
    default:
      return std::string(text, static_cast<std::size_t>(PQgetlength(res, row, col)));
  }
}

bool is_integer(Oid type) { return type == kInt2Oid || type == kInt4Oid || type == kInt8Oid; }

// Whether query() keeps a column of this type as libpq's text: every type
// but booleans, reals and times (integers too: PostgreSQL writes them as
// std::to_string would).
bool read_in_place(Oid type) {
  switch (type) {
    case kBoolOid:
    case kFloat4Oid:
    case kFloat8Oid:
    case kTimestampOid:
    case kTimestampTzOid:
      return false;
    default:
      return true;
  }
}

// A row of a result read where libpq holds it: what query() would make of
// it, column by column, without copying texts out of the result.
class PgRowReader final : public RowReader {
 public:
  PgRowReader(const PGresult* res, int row) : res_(res), row_(row) {}

  bool is_null(std::size_t i) const override { return PQgetisnull(res_, row_, col(i)) != 0; }
  std::string_view text(std::size_t i) const override {
    if (read_in_place(PQftype(res_, col(i))))  // NULL reads "" here, as in a RowSet
      return {PQgetvalue(res_, row_, col(i)), static_cast<std::size_t>(length(i))};
    if (formatted_.empty()) formatted_.resize(static_cast<std::size_t>(PQnfields(res_)));
    formatted_[i] = converted(i).text(0);
    return formatted_[i];
  }
  std::int64_t integer(std::size_t i) const override {
    if (is_integer(PQftype(res_, col(i))))  // NULL reads "", which parses as 0 as in a RowSet
      return std::strtoll(PQgetvalue(res_, row_, col(i)), nullptr, 10);
    return converted(i).integer(0);
  }

 private:
  int col(std::size_t i) const { return static_cast<int>(i); }
  int length(std::size_t i) const { return PQgetlength(res_, row_, col(i)); }
  // Column i as query() reads it, in a one-value Row.
  Row converted(std::size_t i) const {
    value_.assign(1, to_value(res_, row_, col(i)));
    return Row(nullptr, &value_);
  }

  const PGresult* res_;
  int row_;
  mutable std::vector<Value> value_;
  mutable std::vector<std::string> formatted_;  // converted texts asked for, if any
};

}  // namespace

void PgResultDeleter::operator()(PGresult* res) const { PQclear(res); }

Error pg_error(const PGresult* res, pg_conn* conn, std::string_view sql) {
  const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const char* constraint =
      res != nullptr ? PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME) : nullptr;
  std::string cause = PQerrorMessage(conn);
  if (res != nullptr && PQresultErrorMessage(res)[0] != '\0') cause = PQresultErrorMessage(res);
  if (constraint != nullptr) cause += std::string(" constraint=") + constraint;
  cause += " [" + std::string(sql.substr(0, 200)) + "]";
  const std::string s = state != nullptr ? state : "";
  for (const StateMeaning& m : kStateMeanings) {
    if (s == m.state) return {m.kind, m.code, m.message, {}, cause};
  }
  if (s.rfind("22", 0) == 0)
    return {ErrorKind::kInvalidInput, "INVALID_VALUE", "A value has the wrong form.", {}, cause};
  // 25006: a write reached a server that is read-only now (the old primary
  // came back as a standby after a failover): the connection must go, and a
  // new one (target_session_attrs=read-write) finds the primary.
  if (s.rfind("08", 0) == 0 || s.rfind("57P", 0) == 0 || s == "25006" ||
      PQstatus(conn) != CONNECTION_OK) {
    return Error::unavailable(storage_code::kDatabaseUnavailable, "The database is unavailable.",
                              cause);
  }
  return Error{ErrorKind::kInternal,
               storage_code::kDatabaseError,
               "An unexpected error occurred.",
               {},
               cause};
}

PgParams::PgParams(const Params& params) {
  const auto& values = params.values();
  storage_.resize(values.size());
  pointers_.assign(values.size(), nullptr);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const Value& v = values[i];
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      storage_[i] = std::to_string(*n);
    } else if (const auto* d = std::get_if<double>(&v)) {
      // Shortest text that reads back as the same double (std::to_string
      // keeps six decimals: 1e-7 would arrive as 0).
      std::array<char, 32> text{};
      const auto written = std::to_chars(text.data(), text.data() + text.size(), *d);
      storage_[i].assign(text.data(), written.ptr);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      pointers_[i] = s->c_str();
      continue;
    } else if (const auto* b = std::get_if<bool>(&v)) {
      storage_[i] = *b ? "true" : "false";
    } else {
      continue;  // NULL
    }
    pointers_[i] = storage_[i].c_str();
  }
}

RowSet pg_rows(const PGresult* res) {
  const int ncols = PQnfields(res);
  const int nrows = PQntuples(res);
  std::vector<std::string> columns;
  columns.reserve(ncols);
  for (int c = 0; c < ncols; ++c) columns.emplace_back(PQfname(res, c));
  RowSet rows(std::move(columns));
  for (int r = 0; r < nrows; ++r) {
    std::vector<Value> row;
    row.reserve(ncols);
    for (int c = 0; c < ncols; ++c) row.push_back(to_value(res, r, c));
    rows.add_row(std::move(row));
  }
  return rows;
}

void pg_visit_rows(const PGresult* res, const std::function<void(const RowReader&)>& visit) {
  const int nrows = PQntuples(res);
  for (int r = 0; r < nrows; ++r) visit(PgRowReader(res, r));
}

std::int64_t pg_affected_rows(const PGresult* res) {
  const char* affected = PQcmdTuples(const_cast<PGresult*>(res));
  return static_cast<std::int64_t>(affected[0] != '\0' ? std::strtoll(affected, nullptr, 10) : 0);
}

}  // namespace deltalabs
