#include "platform/notification_log.h"

#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs {

namespace {

constexpr const char* kInsertNotification =
    "INSERT INTO notifications (id, user_id, kind, payload, read_at, created_at) "
    "VALUES ($1, $2, $3, $4, NULL, $5)";
constexpr const char* kSignal = "SELECT pg_notify($1, $2)";

}  // namespace

Result<std::string> NotificationLog::record(Connection& c, const std::string& user_id,
                                            const std::string& kind,
                                            const std::string& payload_json) {
  std::string id = new_uuid_v7();
  DL_TRY(c.execute(kInsertNotification, {id, user_id, kind, payload_json, format_rfc3339(now())}));
  if (c.dialect() == Dialect::kPostgres) {
    DL_TRY(c.query(kSignal, {std::string(kNotificationChannel), user_id}));
  }
  return id;
}

}  // namespace deltalabs
