#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "platform/mail_transport.h"
#include "storage/database.h"

namespace deltalabs {

// Delivers the mail outbox in the background: claims due messages (so two
// senders never send the same one), hands them to a transport, marks them
// sent, and retries failures with exponential backoff up to kMaxAttempts.
class MailSender {
 public:
  static constexpr int kMaxAttempts = 8;

  MailSender(Database& db, std::unique_ptr<MailTransport> transport, std::string from,
             std::chrono::milliseconds poll_interval = std::chrono::milliseconds(500));
  ~MailSender();
  MailSender(const MailSender&) = delete;
  MailSender& operator=(const MailSender&) = delete;

  // Starts the background thread.
  void start();
  // Stops it after the message in flight, if any.
  void stop();
  // Delivers what is due now, on the calling thread; returns how many were sent.
  Result<int> deliver_due();

 private:
  void run();

  Database& db_;
  std::unique_ptr<MailTransport> transport_;
  std::string from_;
  std::chrono::milliseconds poll_interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace deltalabs
