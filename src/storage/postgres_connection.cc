#include "storage/postgres_connection.h"

#include <libpq-fe.h>
#include <poll.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <memory>
#include <vector>

#include "storage/row_reader.h"

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

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

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

Error error_from_result(const PGresult* res, pg_conn* conn, std::string_view sql) {
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

// Said at connect before the URL, so the URL's own settings win: give up on
// an unreachable host soon, and notice a peer that vanished without closing.
constexpr std::array<const char*, 6> kConnectKeys = {
    "connect_timeout",  "keepalives_idle", "keepalives_interval",
    "keepalives_count", "dbname",          nullptr};

}  // namespace

PostgresConnection::PostgresConnection(const std::string& url, const std::atomic<int>* deadline_ms)
    : deadline_ms_(deadline_ms) {
  const std::array<const char*, 6> values = {"5", "10", "5", "3", url.c_str(), nullptr};
  conn_ = PQconnectdbParams(kConnectKeys.data(), values.data(), /*expand_dbname=*/1);
  if (PQstatus(conn_) != CONNECTION_OK) {
    open_status_ = Error::unavailable(storage_code::kDatabaseUnavailable,
                                      "The database is unavailable.", PQerrorMessage(conn_));
    return;
  }
  open_status_ = execute_script("SET TIME ZONE 'UTC'; SET client_min_messages = warning");
}

PostgresConnection::~PostgresConnection() {
  if (conn_ != nullptr) PQfinish(conn_);
}

bool PostgresConnection::broken() const {
  if (lost_ || conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) return true;
  // An idle connection has nothing to read: bytes mean the server said
  // goodbye (57P01 at a fast shutdown), and the end of file behind them that
  // the socket closed. One read takes the goodbye, the next finds the end.
  for (int reads = 0; reads < 4; ++reads) {
    pollfd fd{PQsocket(conn_), POLLIN, 0};
    if (fd.fd < 0) return lost_ = true;
    if (::poll(&fd, 1, 0) <= 0) return false;
    if (PQconsumeInput(conn_) == 0 || PQstatus(conn_) != CONNECTION_OK) return lost_ = true;
  }
  return false;  // still talking after four reads: notices, not a goodbye
}

Error PostgresConnection::lost_error() const {
  return Error::unavailable(storage_code::kDatabaseUnavailable, "The database is unavailable.",
                            "connection lost earlier");
}

Error PostgresConnection::failed(const PGresult* res, std::string_view sql) {
  Error e = error_from_result(res, conn_, sql);
  if (e.code == storage_code::kDatabaseUnavailable) lost_ = true;
  return e;
}

bool PostgresConnection::wait_socket(short events,
                                     std::chrono::steady_clock::time_point deadline) const {
  const bool forever = deadline == std::chrono::steady_clock::time_point::max();
  for (;;) {
    int timeout = -1;
    if (!forever) {
      const auto left =
          std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      timeout = static_cast<int>(left.count());
    }
    pollfd fd{PQsocket(conn_), events, 0};
    if (fd.fd < 0) return true;  // no socket: libpq reports why
    const int ready = ::poll(&fd, 1, timeout);
    if (ready > 0) return true;
    if (ready == 0) return false;
    if (errno != EINTR) return true;  // libpq reports the socket's failure itself
  }
}

Result<PGresult*> PostgresConnection::await_result(std::string_view sql) {
  const int ms = deadline_ms_ != nullptr ? deadline_ms_->load(std::memory_order_relaxed) : 0;
  const auto deadline = ms > 0 ? std::chrono::steady_clock::now() + std::chrono::milliseconds(ms)
                               : std::chrono::steady_clock::time_point::max();
  // A frozen or unreachable server answers nothing: past the deadline the
  // request fails with 503 and the connection is dropped (never reused with
  // an answer still on its way).
  const auto timed_out = [&] {
    lost_ = true;
    return Error::unavailable(
        storage_code::kDatabaseUnavailable, "The database is unavailable.",
        "no answer within " + std::to_string(ms) + " ms [" + std::string(sql.substr(0, 200)) + "]");
  };
  while (PQflush(conn_) == 1) {
    if (!wait_socket(POLLIN | POLLOUT, deadline)) return timed_out();
    if (PQconsumeInput(conn_) == 0) break;
  }
  PGresult* last = nullptr;
  for (;;) {
    while (PQisBusy(conn_) != 0 && PQstatus(conn_) == CONNECTION_OK) {
      if (!wait_socket(POLLIN, deadline)) {
        PQclear(last);
        return timed_out();
      }
      if (PQconsumeInput(conn_) == 0) break;
    }
    if (PQstatus(conn_) != CONNECTION_OK && PQisBusy(conn_) != 0) break;  // lost mid-answer
    PGresult* next = PQgetResult(conn_);
    if (next == nullptr) break;
    PQclear(last);
    last = next;
  }
  // A complete answer counts even when the connection broke right after it
  // (a COMMIT that was acknowledged did commit); the caller judges its status.
  if (PQstatus(conn_) != CONNECTION_OK) lost_ = true;
  if (last == nullptr) return failed(nullptr, sql);
  return last;
}

Result<PGresult*> PostgresConnection::run(std::string_view sql, const Params& params) {
  if (lost_) return lost_error();
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    if (cache_.size() >= kStatementCacheLimit) {
      DL_TRY(execute_script("DEALLOCATE ALL"));
      cache_.clear();
    }
    Prepared p{"s" + std::to_string(next_statement_++)};
    const std::string text(sql);
    if (PQsendPrepare(conn_, p.name.c_str(), text.c_str(), 0, nullptr) == 0)
      return failed(nullptr, sql);
    DL_ASSIGN_OR_RETURN(PGresult * raw, await_result(sql));
    ResultPtr res(raw);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return failed(res.get(), sql);
    it = cache_.emplace(text, std::move(p)).first;
  }
  const auto& values = params.values();
  std::vector<std::string> storage(values.size());
  std::vector<const char*> pointers(values.size(), nullptr);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const Value& v = values[i];
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      storage[i] = std::to_string(*n);
    } else if (const auto* d = std::get_if<double>(&v)) {
      // Shortest text that reads back as the same double (std::to_string
      // keeps six decimals: 1e-7 would arrive as 0).
      std::array<char, 32> text{};
      const auto written = std::to_chars(text.data(), text.data() + text.size(), *d);
      storage[i].assign(text.data(), written.ptr);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      pointers[i] = s->c_str();
      continue;
    } else if (const auto* b = std::get_if<bool>(&v)) {
      storage[i] = *b ? "true" : "false";
    } else {
      continue;  // NULL
    }
    pointers[i] = storage[i].c_str();
  }
  if (PQsendQueryPrepared(conn_, it->second.name.c_str(), static_cast<int>(values.size()),
                          pointers.data(), nullptr, nullptr, 0) == 0)
    return failed(nullptr, sql);
  DL_ASSIGN_OR_RETURN(PGresult * res, await_result(sql));
  const auto status = PQresultStatus(res);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    Error e = failed(res, sql);
    PQclear(res);
    return e;
  }
  return res;
}

Result<RowSet> PostgresConnection::query(std::string_view sql, const Params& params) {
  DL_ASSIGN_OR_RETURN(PGresult * raw, run(sql, params));
  ResultPtr res(raw);
  const int ncols = PQnfields(res.get());
  const int nrows = PQntuples(res.get());
  std::vector<std::string> columns;
  columns.reserve(ncols);
  for (int c = 0; c < ncols; ++c) columns.emplace_back(PQfname(res.get(), c));
  RowSet rows(std::move(columns));
  for (int r = 0; r < nrows; ++r) {
    std::vector<Value> row;
    row.reserve(ncols);
    for (int c = 0; c < ncols; ++c) row.push_back(to_value(res.get(), r, c));
    rows.add_row(std::move(row));
  }
  return rows;
}

Status PostgresConnection::query_each(std::string_view sql, const Params& params,
                                      const std::function<void(const RowReader&)>& visit) {
  DL_ASSIGN_OR_RETURN(PGresult * raw, run(sql, params));
  ResultPtr res(raw);
  const int nrows = PQntuples(res.get());
  for (int r = 0; r < nrows; ++r) visit(PgRowReader(res.get(), r));
  return {};
}

Result<std::int64_t> PostgresConnection::execute(std::string_view sql, const Params& params) {
  DL_ASSIGN_OR_RETURN(PGresult * raw, run(sql, params));
  ResultPtr res(raw);
  const char* affected = PQcmdTuples(res.get());
  return static_cast<std::int64_t>(affected[0] != '\0' ? std::strtoll(affected, nullptr, 10) : 0);
}

Status PostgresConnection::execute_script(std::string_view sql) {
  if (lost_) return lost_error();
  const std::string text(sql);
  if (PQsendQuery(conn_, text.c_str()) == 0) return failed(nullptr, sql);
  DL_ASSIGN_OR_RETURN(PGresult * raw, await_result(sql));
  ResultPtr res(raw);
  const auto status = PQresultStatus(res.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    return failed(res.get(), sql);
  }
  return {};
}

}  // namespace deltalabs
