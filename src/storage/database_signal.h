#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace deltalabs {

// Signals between the processes sharing one PostgreSQL database on one
// channel (NOTIFY, and a PostgresListener on a thread of its own): publish()
// reaches every process's handler, this one's too, once the statement
// commits. The handler runs on the listener thread; after the listener
// (re)connects it is called with `missed` set, since signals sent while
// nobody listened are lost. Thread-safe; start() and stop() are for the owner.
class DatabaseSignal {
 public:
  // Payloads received together; `missed` when some may have been lost before them.
  using Handler = std::function<void(const std::vector<std::string>& payloads, bool missed)>;

  // A signal on `channel` of the PostgreSQL database `url` (the one `db` is a pool of).
  DatabaseSignal(Database& db, std::string url, std::string channel, Handler handler);
  ~DatabaseSignal();
  DatabaseSignal(const DatabaseSignal&) = delete;
  DatabaseSignal& operator=(const DatabaseSignal&) = delete;

  // Starts listening (once).
  void start();
  // Stops listening within one wait (kWait).
  void stop();
  // Sends `payload` to every listener: one statement on a pooled connection,
  // in autocommit; the storage error when it could not be sent.
  Status publish(const std::string& payload);

 private:
  void run();

  static constexpr std::chrono::milliseconds kWait{200};
  static constexpr std::chrono::seconds kReconnectAfter{1};

  Database& db_;
  std::string url_;
  std::string channel_;
  Handler handler_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace deltalabs
