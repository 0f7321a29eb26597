#include "storage/postgres_listener.h"

#include <libpq-fe.h>
#include <poll.h>

#include "storage/connection.h"

namespace deltalabs {

namespace {

Error lost(pg_conn* conn) {
  return Error::unavailable(storage_code::kDatabaseUnavailable,
                            "The notification listener lost its database connection.",
                            conn == nullptr ? "" : PQerrorMessage(conn));
}

}  // namespace

PostgresListener::PostgresListener(const std::string& url, const std::string& channel) {
  conn_ = PQconnectdb(url.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    open_status_ = lost(conn_);
    return;
  }
  char* quoted = PQescapeIdentifier(conn_, channel.c_str(), channel.size());
  if (quoted == nullptr) {
    open_status_ = lost(conn_);
    return;
  }
  const std::string listen = std::string("LISTEN ") + quoted;
  PQfreemem(quoted);
  PGresult* res = PQexec(conn_, listen.c_str());
  const bool listening = PQresultStatus(res) == PGRES_COMMAND_OK;
  PQclear(res);
  if (!listening) open_status_ = lost(conn_);
}

PostgresListener::~PostgresListener() {
  if (conn_ != nullptr) PQfinish(conn_);
}

std::vector<std::string> PostgresListener::drain() {
  std::vector<std::string> payloads;
  while (PGnotify* n = PQnotifies(conn_)) {
    payloads.emplace_back(n->extra);
    PQfreemem(n);
  }
  return payloads;
}

Result<std::vector<std::string>> PostgresListener::wait(std::chrono::milliseconds timeout) {
  if (!open_status_.ok() || PQstatus(conn_) != CONNECTION_OK) return lost(conn_);
  std::vector<std::string> payloads = drain();
  if (!payloads.empty()) return payloads;
  pollfd fd{PQsocket(conn_), POLLIN, 0};
  if (fd.fd < 0) return lost(conn_);
  const int ready = ::poll(&fd, 1, static_cast<int>(timeout.count()));
  if (ready < 0) return payloads;  // interrupted: the caller simply waits again
  if (ready > 0 && PQconsumeInput(conn_) == 0) return lost(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) return lost(conn_);
  return drain();
}

}  // namespace deltalabs
