#include <curl/curl.h>

#include <cstring>
#include <ctime>

#include "platform/mail_transport.h"

namespace deltalabs {

namespace {

struct Upload {
  const std::string* text;
  std::size_t offset = 0;
};

std::size_t read_payload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = up->text->size() - up->offset;
  const std::size_t n = std::min(room, left);
  std::memcpy(buffer, up->text->data() + up->offset, n);
  up->offset += n;
  return n;
}

std::string rfc5322_date() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

}  // namespace

std::string mailbox_address(const std::string& from) {
  const auto lt = from.find('<');
  const auto gt = from.find('>', lt == std::string::npos ? 0 : lt);
  if (lt == std::string::npos || gt == std::string::npos) return from;
  return from.substr(lt + 1, gt - lt - 1);
}

std::string format_rfc5322(const MailMessage& m, const std::string& from) {
  std::string text;
  text += "Date: " + rfc5322_date() + "\r\n";
  text += "From: " + from + "\r\n";
  text += "To: <" + m.to + ">\r\n";
  text += "Message-ID: <" + m.id + "@deltalabs>\r\n";
  text += "Subject: " + m.subject + "\r\n";
  text +=
      "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: "
      "8bit\r\n\r\n";
  text += m.body;
  return text;
}

Status SmtpTransport::send(const MailMessage& message, const std::string& from) {
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return Error::internal("curl_easy_init failed");
  const std::string payload = format_rfc5322(message, from);
  Upload upload{&payload};
  const std::string sender = "<" + mailbox_address(from) + ">";
  const std::string rcpt = "<" + message.to + ">";
  curl_slist* recipients = curl_slist_append(nullptr, rcpt.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, sender.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_payload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 5L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    return Error::unavailable("SMTP_FAILED", "The mail server did not accept the message.",
                              curl_easy_strerror(rc));
  }
  return {};
}

}  // namespace deltalabs
