#pragma once

#include <string>

#include "core/result.h"
#include "platform/mail_outbox.h"

namespace deltalabs {

// Delivers one message somewhere outside the process.
class MailTransport {
 public:
  virtual ~MailTransport() = default;
  // Sends `message` from `from`; an error leaves it for a retry.
  virtual Status send(const MailMessage& message, const std::string& from) = 0;
};

// Delivers over SMTP with libcurl to a URL like smtp://127.0.0.1:2525.
class SmtpTransport final : public MailTransport {
 public:
  explicit SmtpTransport(std::string url) : url_(std::move(url)) {}
  Status send(const MailMessage& message, const std::string& from) override;

 private:
  std::string url_;
};

// The RFC 5322 text of a message: headers, blank line, CRLF body.
std::string format_rfc5322(const MailMessage& message, const std::string& from);

// The bare address inside "Name <addr>" (or the text itself).
std::string mailbox_address(const std::string& from);

}  // namespace deltalabs
