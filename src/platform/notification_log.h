#pragma once

#include <string>

#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs {

// The channel PostgreSQL's LISTEN/NOTIFY carries new notifications on; the
// payload is the recipient's user id.
inline constexpr const char* kNotificationChannel = "deltalabs_notifications";

// The notifications table's writer. Every domain appends inside its own
// transaction, so a notification exists exactly when the change it announces
// committed. On PostgreSQL the recipient is also signalled on
// kNotificationChannel, which the database delivers at commit, to every
// server process listening on that database. One recipient's notifications
// commit in id order (a lock per recipient until commit), which is the order
// a notification stream reads them in.
class NotificationLog {
 public:
  // Appends a notification of `kind` (e.g. answer.created, appeal.resolved)
  // with `payload_json` (a JSON object's text) for `user_id`; returns its id.
  static Result<std::string> record(Connection& c, const std::string& user_id,
                                    const std::string& kind, const std::string& payload_json);
};

}  // namespace deltalabs
