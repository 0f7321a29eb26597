#include "storage/postgres_connection.h"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <memory>

#include "storage/pg_result.h"

namespace deltalabs {

namespace {

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
  Error e = pg_error(res, conn_, sql);
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

std::chrono::steady_clock::time_point PostgresConnection::statement_deadline() const {
  const int ms = deadline_ms_ != nullptr ? deadline_ms_->load(std::memory_order_relaxed) : 0;
  return ms > 0 ? std::chrono::steady_clock::now() + std::chrono::milliseconds(ms)
                : std::chrono::steady_clock::time_point::max();
}

bool PostgresConnection::flush_within(std::chrono::steady_clock::time_point deadline) {
  while (PQflush(conn_) == 1) {
    if (!wait_socket(POLLIN | POLLOUT, deadline)) return false;
    if (PQconsumeInput(conn_) == 0) break;
  }
  return true;
}

bool PostgresConnection::await_readable(std::chrono::steady_clock::time_point deadline) {
  while (PQisBusy(conn_) != 0 && PQstatus(conn_) == CONNECTION_OK) {
    if (!wait_socket(POLLIN, deadline)) return false;
    if (PQconsumeInput(conn_) == 0) break;
  }
  return true;
}

Error PostgresConnection::timed_out(std::string_view sql) {
  // A frozen or unreachable server answers nothing: past the deadline the
  // request fails with 503 and the connection is dropped (never reused with
  // an answer still on its way).
  lost_ = true;
  const int ms = deadline_ms_ != nullptr ? deadline_ms_->load(std::memory_order_relaxed) : 0;
  return Error::unavailable(
      storage_code::kDatabaseUnavailable, "The database is unavailable.",
      "no answer within " + std::to_string(ms) + " ms [" + std::string(sql.substr(0, 200)) + "]");
}

Status PostgresConnection::make_room(std::size_t statements) {
  if (cache_.size() + statements <= kStatementCacheLimit) return {};
  DL_TRY(execute_script("DEALLOCATE ALL"));
  cache_.clear();
  return {};
}

std::string PostgresConnection::next_statement_name() {
  return "s" + std::to_string(next_statement_++);
}

Result<PGresult*> PostgresConnection::await_result(std::string_view sql) {
  const auto deadline = statement_deadline();
  if (!flush_within(deadline)) return timed_out(sql);
  PGresult* last = nullptr;
  for (;;) {
    if (!await_readable(deadline)) {
      PQclear(last);
      return timed_out(sql);
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
    DL_TRY(make_room(1));
    Prepared p{next_statement_name()};
    const std::string text(sql);
    if (PQsendPrepare(conn_, p.name.c_str(), text.c_str(), 0, nullptr) == 0)
      return failed(nullptr, sql);
    DL_ASSIGN_OR_RETURN(PGresult * raw, await_result(sql));
    PgResultPtr res(raw);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return failed(res.get(), sql);
    it = cache_.emplace(text, std::move(p)).first;
  }
  const PgParams bound(params);
  if (PQsendQueryPrepared(conn_, it->second.name.c_str(), bound.count(), bound.values(), nullptr,
                          nullptr, 0) == 0)
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
  const PgResultPtr res(raw);
  return pg_rows(res.get());
}

Status PostgresConnection::query_each(std::string_view sql, const Params& params,
                                      const std::function<void(const RowReader&)>& visit) {
  DL_ASSIGN_OR_RETURN(PGresult * raw, run(sql, params));
  const PgResultPtr res(raw);
  pg_visit_rows(res.get(), visit);
  return {};
}

Result<std::int64_t> PostgresConnection::execute(std::string_view sql, const Params& params) {
  DL_ASSIGN_OR_RETURN(PGresult * raw, run(sql, params));
  const PgResultPtr res(raw);
  return pg_affected_rows(res.get());
}

Status PostgresConnection::execute_script(std::string_view sql) {
  if (lost_) return lost_error();
  const std::string text(sql);
  if (PQsendQuery(conn_, text.c_str()) == 0) return failed(nullptr, sql);
  DL_ASSIGN_OR_RETURN(PGresult * raw, await_result(sql));
  PgResultPtr res(raw);
  const auto status = PQresultStatus(res.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    return failed(res.get(), sql);
  }
  return {};
}

void PostgresConnection::run_batch(std::span<BatchStatement* const> batch) {
  const auto deadline = statement_deadline();
  // A connection that cannot make room is lost, and the batch learns so below.
  if (!lost_) static_cast<void>(make_room(batch.size()));
  Status answered = lost_ ? Status(lost_error()) : Status();
  if (answered.ok()) {
    if (PQenterPipelineMode(conn_) == 0 || PQsetnonblocking(conn_, 1) != 0 || !send_batch(batch)) {
      answered = failed(nullptr, "a batch of reads");
      lost_ = true;
    } else {
      answered = read_batch(batch, deadline);
    }
  }
  if (answered.ok() && (PQsetnonblocking(conn_, 0) != 0 || PQexitPipelineMode(conn_) == 0)) {
    answered = failed(nullptr, "a batch of reads");
    lost_ = true;
  }
  for (BatchStatement* statement : batch) {
    if (!answered.ok() && !statement->outcome) statement->outcome.emplace(answered.error());
  }
}

bool PostgresConnection::send_batch(std::span<BatchStatement* const> batch) {
  batch_names_.clear();
  for (BatchStatement* statement : batch) {
    statement->prepares = false;
    std::string name;
    if (auto it = cache_.find(statement->sql); it != cache_.end()) {
      name = it->second.name;
    } else if (auto sent = std::find_if(batch_names_.begin(), batch_names_.end(),
                                        [&](const auto& n) { return n.first == statement->sql; });
               sent != batch_names_.end()) {
      name = sent->second;
    } else {
      name = next_statement_name();
      const std::string text(statement->sql);
      if (PQsendPrepare(conn_, name.c_str(), text.c_str(), 0, nullptr) == 0) return false;
      batch_names_.emplace_back(text, name);
      statement->prepares = true;
    }
    const PgParams bound(*statement->params);
    if (PQsendQueryPrepared(conn_, name.c_str(), bound.count(), bound.values(), nullptr, nullptr,
                            0) == 0)
      return false;
  }
  return PQpipelineSync(conn_) != 0;
}

Result<PGresult*> PostgresConnection::next_result(std::chrono::steady_clock::time_point deadline) {
  if (!await_readable(deadline)) return timed_out("a batch of reads");
  if (PQstatus(conn_) != CONNECTION_OK) return failed(nullptr, "a batch of reads");
  return PQgetResult(conn_);
}

Status PostgresConnection::read_batch(std::span<BatchStatement* const> batch,
                                      std::chrono::steady_clock::time_point deadline) {
  const auto lost = [this](Error e) {
    lost_ = true;  // what is still on its way cannot be told from the next batch's answers
    return e;
  };
  if (!flush_within(deadline)) return timed_out("a batch of reads");
  std::vector<PgResultPtr> results(batch.size());
  std::optional<Error> failure;
  std::size_t failed_at = batch.size();
  // Reads one statement's answer (a prepare's or a query's) and the end mark after it.
  const auto answer = [&](std::size_t i, PgResultPtr* keep) -> Status {
    DL_ASSIGN_OR_RETURN(PGresult * next, next_result(deadline));
    if (next == nullptr) return failed(nullptr, "a batch of reads: an answer is missing");
    PgResultPtr res(next);
    const auto status = PQresultStatus(res.get());
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
      if (keep != nullptr) *keep = std::move(res);
    } else if (status != PGRES_PIPELINE_ABORTED && !failure) {
      failure = pg_error(res.get(), conn_, batch[i]->sql);
      failed_at = i;
    }
    DL_ASSIGN_OR_RETURN(PGresult * end, next_result(deadline));
    const PgResultPtr extra(end);
    if (extra) return failed(nullptr, "a batch of reads: an answer too many");
    return {};
  };
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (batch[i]->prepares) {
      if (auto prepared = answer(i, nullptr); !prepared.ok()) return lost(prepared.error());
    }
    if (auto ran = answer(i, &results[i]); !ran.ok()) return lost(ran.error());
  }
  DL_ASSIGN_OR_RETURN(PGresult * sync, next_result(deadline));
  if (sync == nullptr) return lost(failed(nullptr, "a batch of reads: its end is missing"));
  const PgResultPtr sync_result(sync);
  if (PQresultStatus(sync_result.get()) != PGRES_PIPELINE_SYNC) {
    // The implicit transaction failed to commit: every statement learns why.
    return lost(pg_error(sync_result.get(), conn_, "a batch of reads"));
  }
  if (failure) {
    batch[failed_at]->outcome.emplace(std::move(*failure));
    return {};
  }
  for (const auto& [text, name] : batch_names_) cache_.emplace(text, Prepared{name});
  for (std::size_t i = 0; i < batch.size(); ++i) batch[i]->outcome.emplace(std::move(results[i]));
  return {};
}

}  // namespace deltalabs
