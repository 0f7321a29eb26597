#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "engagement/notification_wake.h"
#include "http/stream.h"
#include "storage/database.h"

namespace deltalabs::engagement {

// Settings of the NotificationHub.
struct HubOptions {
  std::chrono::milliseconds heartbeat{15000};  // comment lines that keep quiet streams alive
  std::chrono::milliseconds tick{200};         // longest wait of the hub's thread
};

// Delivers new notifications to open Server-Sent Event streams. One thread
// of its own (started with the first stream) waits on a NotificationWake,
// reads what each woken stream has not sent yet (by id, so nothing is sent
// twice or skipped) and writes it, plus heartbeats, into the streams'
// sinks; HTTP threads never block on it. Streams of a user wake when any
// process on the database commits a notification for them.
class NotificationHub {
 public:
  NotificationHub(Database& db, std::unique_ptr<NotificationWake> wake, HubOptions options);
  ~NotificationHub();
  NotificationHub(const NotificationHub&) = delete;
  NotificationHub& operator=(const NotificationHub&) = delete;

  // A stream of `user_id`'s notifications with ids after `cursor` ("" = all
  // of them), for a streaming response; it joins the hub when the server opens it.
  std::shared_ptr<http::StreamSource> stream(const std::string& user_id, const std::string& cursor);

 private:
  class Stream;
  friend class Stream;

  void join(const std::shared_ptr<Stream>& stream);
  void leave(const Stream* stream);
  void run();
  // Writes what `stream` has not sent yet; false when its client is gone.
  bool deliver(Stream& stream);

  Database& db_;
  std::unique_ptr<NotificationWake> wake_;
  const HubOptions options_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::vector<std::shared_ptr<Stream>>> streams_;  // by user
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace deltalabs::engagement
