#include "engagement/notification_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "engagement/engagement_sql.h"

namespace deltalabs::engagement {

namespace {

// A list position is "<group>:<id>": group 0 holds unread rows, 1 read ones.
std::string position_of(const Notification& n) {
  return std::string(n.read_at ? "1:" : "0:") + n.id;
}

}  // namespace

Result<Notification> NotificationRepository::find(Connection& c, const std::string& id) {
  return sql::kNotificationTable.find(c, id);
}

Result<Page<Notification>> NotificationRepository::list(Connection& c, const std::string& user_id,
                                                        const PageRequest& page) {
  std::int64_t group = 0;
  std::string after;
  if (!page.after.empty()) {
    // Positions come out of signed cursors, so they are ours; anything else reads as the start.
    if (page.after.size() > 2 && page.after[1] == ':') {
      group = page.after[0] == '1' ? 1 : 0;
      after = page.after.substr(2);
    }
  }
  DL_ASSIGN_OR_RETURN(RowSet rows,
                      c.query(sql::kListNotifications, {user_id, after, group, page.limit + 1}));
  return page_from(rows, page, sql::kNotificationRow.reader(), position_of);
}

Status NotificationRepository::mark_read(Connection& c, const std::string& id) {
  DL_TRY(c.execute(sql::kMarkNotificationRead, {id, format_rfc3339(now())}));
  return {};
}

Result<std::vector<Notification>> NotificationRepository::after(Connection& c,
                                                                const std::string& user_id,
                                                                const std::string& after,
                                                                int limit) {
  return sql::kNotificationTable.all(c, sql::kNotificationsAfter, {user_id, after, limit});
}

Result<std::string> NotificationRepository::latest_of(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kLatestNotificationOf, {user_id}));
  return rows[0].text(0);
}

Result<std::string> NotificationRepository::latest(Connection& c) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kLatestNotification));
  return rows[0].text(0);
}

Result<std::vector<std::pair<std::string, std::string>>> NotificationRepository::recipients_after(
    Connection& c, const std::string& after) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kRecipientsAfter, {after}));
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.emplace_back(rows[i].text(0), rows[i].text(1));
  return out;
}

}  // namespace deltalabs::engagement
