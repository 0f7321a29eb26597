#pragma once

#include <optional>
#include <string>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "engagement/model.h"
#include "storage/database.h"

namespace deltalabs::engagement {

// A user's own notifications: listed (unread first, newest first), marked
// read, and where a stream of new ones starts. Nobody reads anyone else's:
// another user's notification answers 404.
class NotificationService {
 public:
  explicit NotificationService(Database& db) : db_(db) {}

  // A page of the actor's notifications.
  Result<Page<Notification>> list(const Actor& actor, const PageRequest& page);
  // Marks one of the actor's notifications read (again: no change); returns it.
  Result<Notification> mark_read(const Actor& actor, const std::string& id);
  // The position a stream of the actor's notifications starts after: the
  // client's last event id when it resumes (400 INVALID_LAST_EVENT_ID unless
  // a notification id), otherwise their newest notification now.
  Result<std::string> stream_start(const Actor& actor,
                                   const std::optional<std::string>& last_event_id);

 private:
  Database& db_;
};

}  // namespace deltalabs::engagement
