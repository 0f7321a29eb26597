#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "engagement/model.h"
#include "storage/connection.h"

namespace deltalabs::engagement {

// Reads of the notifications table and marking them read; rows are written
// by every domain through platform/notification_log.
class NotificationRepository {
 public:
  // One notification; 404 NOTIFICATION_NOT_FOUND when absent.
  static Result<Notification> find(Connection& c, const std::string& id);
  // A page of the user's notifications: unread first, newest first within each group.
  static Result<Page<Notification>> list(Connection& c, const std::string& user_id,
                                         const PageRequest& page);
  // Sets read_at unless it is set already.
  static Status mark_read(Connection& c, const std::string& id);
  // Up to `limit` of the user's notifications with ids after `after`, oldest first.
  static Result<std::vector<Notification>> after(Connection& c, const std::string& user_id,
                                                 const std::string& after, int limit);
  // The id of the user's newest notification ("" when none).
  static Result<std::string> latest_of(Connection& c, const std::string& user_id);
  // The newest notification id of anyone ("" when none).
  static Result<std::string> latest(Connection& c);
  // (id, recipient) of notifications after `after`, oldest first, at most 1000
  // (SQLite only: ids are compared as stored text).
  static Result<std::vector<std::pair<std::string, std::string>>> recipients_after(
      Connection& c, const std::string& after);
};

}  // namespace deltalabs::engagement
