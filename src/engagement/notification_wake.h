#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "storage/database.h"
#include "storage/postgres_listener.h"

namespace deltalabs::engagement {

// Who may have new notifications, as a NotificationWake learned it.
struct WakeUp {
  std::vector<std::string> users;
  bool everyone = false;  // unknown (a listener reconnected): every stream looks again
};

// What tells the NotificationHub that notifications were committed. Used by
// the hub's own thread only; wait() may block up to its timeout.
class NotificationWake {
 public:
  virtual ~NotificationWake() = default;

  // Waits up to `timeout` and returns the recipients of notifications
  // committed meanwhile (possibly none).
  virtual WakeUp wait(std::chrono::milliseconds timeout) = 0;

  // The wake that suits `db`: LISTEN/NOTIFY on PostgreSQL (`url` names the
  // database), polling the table by id on SQLite.
  static std::unique_ptr<NotificationWake> for_database(Database& db, const std::string& url);
};

// SQLite: every `timeout`, one indexed query for notifications after the
// newest one seen. Every writer on the file is seen, whichever process.
class TablePollWake final : public NotificationWake {
 public:
  explicit TablePollWake(Database& db) : db_(db) {}

  WakeUp wait(std::chrono::milliseconds timeout) override;

 private:
  Database& db_;
  std::string cursor_;  // the newest id seen
  bool started_ = false;
};

// PostgreSQL: a dedicated connection LISTENs on kNotificationChannel, whose
// payloads (recipient ids) NotificationLog sends at commit from any process.
class ListenWake final : public NotificationWake {
 public:
  explicit ListenWake(std::string url) : url_(std::move(url)) {}

  WakeUp wait(std::chrono::milliseconds timeout) override;

 private:
  std::string url_;
  std::unique_ptr<PostgresListener> listener_;
};

}  // namespace deltalabs::engagement
