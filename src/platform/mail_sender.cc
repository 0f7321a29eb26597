#include "platform/mail_sender.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "platform/mail_outbox.h"

namespace deltalabs {

namespace {

// How long a claimed message is ours before another sender may try it.
constexpr std::chrono::seconds kClaimLease{60};

std::chrono::seconds backoff(int attempts) {
  return std::chrono::seconds(std::min<long>(3600, 1L << std::min(attempts, 12)));
}

}  // namespace

MailSender::MailSender(Database& db, std::unique_ptr<MailTransport> transport, std::string from,
                       std::chrono::milliseconds poll_interval)
    : db_(db),
      transport_(std::move(transport)),
      from_(std::move(from)),
      poll_interval_(poll_interval) {}

MailSender::~MailSender() { stop(); }

void MailSender::start() {
  thread_ = std::thread([this] { run(); });
}

void MailSender::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MailSender::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    if (auto sent = deliver_due(); !sent.ok()) {
      spdlog::warn(R"({{"msg":"mail delivery pass failed","cause":"{}"}})", sent.error().code);
    }
    lock.lock();
    wake_.wait_for(lock, poll_interval_, [this] { return stopping_; });
  }
}

Result<int> MailSender::deliver_due() {
  std::vector<MailMessage> due;
  {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(due, MailOutbox::due(*conn, 20));
  }
  int sent = 0;
  for (const auto& m : due) {
    DL_ASSIGN_OR_RETURN(bool claimed, db_.transaction([&](Connection& c) {
      return MailOutbox::claim(c, m.id, now() + kClaimLease);
    }));
    if (!claimed) continue;
    const Status delivered = transport_->send(m, from_);
    DL_TRY(db_.transaction([&](Connection& c) -> Status {
      if (delivered.ok()) return MailOutbox::mark_sent(c, m.id);
      const int attempts = m.attempts + 1;
      std::optional<TimePoint> retry;
      if (attempts < kMaxAttempts) retry = now() + backoff(attempts);
      return MailOutbox::mark_attempt_failed(c, m.id, delivered.error().cause, retry);
    }));
    if (delivered.ok()) {
      ++sent;
    } else {
      spdlog::warn(R"({{"msg":"mail delivery failed","mail_id":"{}","attempt":{}}})", m.id,
                   m.attempts + 1);
    }
  }
  return sent;
}

}  // namespace deltalabs
