#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/result.h"

struct pg_conn;

namespace deltalabs {

// A dedicated libpq connection that LISTENs on one channel: how pg_notify
// signals reach this process from every process sharing the database. Not
// thread-safe; one thread waits on it.
class PostgresListener {
 public:
  // Connects to `url` and LISTENs on `channel`. Check open_status() afterwards.
  PostgresListener(const std::string& url, const std::string& channel);
  ~PostgresListener();
  PostgresListener(const PostgresListener&) = delete;
  PostgresListener& operator=(const PostgresListener&) = delete;

  // The connect or LISTEN error, if either failed.
  const Status& open_status() const { return open_status_; }
  // Waits up to `timeout` for signals and returns their payloads (empty when
  // none came); an error when the connection is lost (make a new listener).
  Result<std::vector<std::string>> wait(std::chrono::milliseconds timeout);

 private:
  std::vector<std::string> drain();

  pg_conn* conn_ = nullptr;
  Status open_status_;
};

}  // namespace deltalabs
