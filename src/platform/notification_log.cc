#include "platform/notification_log.h"

#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs {

namespace {

constexpr const char* kInsertNotification =
    "INSERT INTO notifications (id, user_id, kind, payload, read_at, created_at) "
    "VALUES ($1, $2, $3, $4, NULL, $5)";
constexpr const char* kSignal = "SELECT pg_notify($1, $2)";
// Held until the transaction ends: one recipient's notifications are written
// one transaction after another (SQLite's single writer does this already).
// A two-key lock (802017: this class; the recipient's hash) never meets the
// one-key locks of instance leases and migrations.
constexpr const char* kLockRecipient = "SELECT pg_advisory_xact_lock(802017, hashtext($1))";
constexpr const char* kLatestOfRecipient =
    "SELECT CAST(id AS TEXT) FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT 1";

// The id after `latest` made from it: its last twelve hex digits (random
// bits of a UUIDv7) plus one.
std::string id_after(std::string latest) {
  for (std::size_t i = latest.size(); i-- > latest.size() - 12;) {
    char& digit = latest[i];
    if (digit == 'f') {
      digit = '0';
      continue;
    }
    digit = digit == '9' ? 'a' : static_cast<char>(digit + 1);
    break;
  }
  return latest;
}

}  // namespace

Result<std::string> NotificationLog::record(Connection& c, const std::string& user_id,
                                            const std::string& kind,
                                            const std::string& payload_json) {
  const bool postgres = c.dialect() == Dialect::kPostgres;
  if (postgres) DL_TRY(c.query(kLockRecipient, {user_id}));
  // Ids made before commit could commit out of order; a recipient's ids are
  // therefore made under its lock and above its newest, so commit order is id
  // order and a stream resumed after an id misses nothing (decision 0029).
  DL_ASSIGN_OR_RETURN(RowSet latest, c.query(kLatestOfRecipient, {user_id}));
  std::string id = new_uuid_v7();
  if (!latest.empty() && id <= latest[0].text(0)) id = id_after(latest[0].text(0));
  DL_TRY(c.execute(kInsertNotification, {id, user_id, kind, payload_json, format_rfc3339(now())}));
  if (postgres) DL_TRY(c.query(kSignal, {std::string(kNotificationChannel), user_id}));
  return id;
}

}  // namespace deltalabs
