#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs {

// A message waiting in, or delivered from, the outbox.
struct MailMessage {
  std::string id;
  std::optional<std::string> user_id;
  std::string to;
  std::string subject;
  std::string body;
  std::string status = "pending";  // pending | sent | failed
  int attempts = 0;
  std::string next_attempt_at;
  std::optional<std::string> last_error;
  std::string created_at;
  std::optional<std::string> sent_at;
};

// The mail outbox: messages are written in the transaction that causes them
// (so no mail is sent for a rolled-back change) and delivered later.
class MailOutbox {
 public:
  // Queues a message for delivery now.
  static Status enqueue(Connection& c, const std::optional<std::string>& user_id,
                        const std::string& to, const std::string& subject, const std::string& body);
  // The newest messages first.
  static Result<std::vector<MailMessage>> list(Connection& c, int limit);
  // Pending messages whose next attempt is due, or that a sender holding an
  // older fencing token than `token` claimed (decision 0029), oldest first.
  static Result<std::vector<MailMessage>> due(Connection& c, int limit, std::int64_t token);
  // Takes a due message for delivery until `lease_until` under the mail job's
  // fencing `token`; false when another sender took it first.
  static Result<bool> claim(Connection& c, const std::string& id, TimePoint lease_until,
                            std::int64_t token);
  // Marks a message delivered.
  static Status mark_sent(Connection& c, const std::string& id);
  // Records a failed attempt; retries at `retry_at`, or gives up (failed) when nullopt.
  static Status mark_attempt_failed(Connection& c, const std::string& id, const std::string& error,
                                    std::optional<TimePoint> retry_at);
};

}  // namespace deltalabs
