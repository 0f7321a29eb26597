#include "platform/mail_sender.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "platform/mail_outbox.h"

namespace deltalabs {

namespace {

// How long a claimed message is ours before another pass may try it: longer
// than the transport's own timeouts (SmtpTransport: 5 s connect, 20 s in all).
constexpr std::chrono::seconds kClaimLease{60};

std::chrono::seconds backoff(int attempts) {
  return std::chrono::seconds(std::min<long>(3600, 1L << std::min(attempts, 12)));
}

}  // namespace

MailSender::MailSender(Database& db, std::unique_ptr<MailTransport> transport, std::string from)
    : db_(db), transport_(std::move(transport)), from_(std::move(from)) {}

Result<bool> MailSender::claim(const JobFence& fence, const MailMessage& m) {
  return db_.transaction([&](Connection& c) -> Result<bool> {
    DL_TRY(fence.check(c));
    return MailOutbox::claim(c, m.id, now() + kClaimLease, fence.token());
  });
}

Status MailSender::record(const JobFence& fence, const MailMessage& m, const Status& delivered) {
  return db_.transaction([&](Connection& c) -> Status {
    DL_TRY(fence.check(c));
    if (delivered.ok()) return MailOutbox::mark_sent(c, m.id);
    const int attempts = m.attempts + 1;
    std::optional<TimePoint> retry;
    if (attempts < kMaxAttempts) retry = now() + backoff(attempts);
    return MailOutbox::mark_attempt_failed(c, m.id, delivered.error().cause, retry);
  });
}

Result<int> MailSender::deliver_due(const JobFence& fence) {
  std::vector<MailMessage> due;
  {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(due, MailOutbox::due(*conn, 20, fence.token()));
  }
  int sent = 0;
  for (const auto& m : due) {
    DL_ASSIGN_OR_RETURN(bool claimed, claim(fence, m));
    if (!claimed) continue;
    const Status delivered = transport_->send(m, from_);
    // Refused when the lease moved meanwhile: the message was claimed under an
    // older token, so the new holder sends it again (decision 0029: at least
    // once in that window; the Message-ID lets a receiver tell).
    DL_TRY(record(fence, m, delivered));
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
