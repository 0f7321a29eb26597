#include "engagement/notification_service.h"

#include "core/uuid.h"
#include "engagement/notification_repository.h"

namespace deltalabs::engagement {

Result<Page<Notification>> NotificationService::list(const Actor& actor, const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return NotificationRepository::list(*conn, actor.user_id, page);
}

Result<Notification> NotificationService::mark_read(const Actor& actor, const std::string& id) {
  return db_.transaction([&](Connection& c) -> Result<Notification> {
    DL_ASSIGN_OR_RETURN(Notification n, NotificationRepository::find(c, canonical_id(id)));
    if (n.user_id != actor.user_id) return Error::not_found("notification");
    DL_TRY(NotificationRepository::mark_read(c, n.id));
    return NotificationRepository::find(c, n.id);
  });
}

Result<std::string> NotificationService::stream_start(
    const Actor& actor, const std::optional<std::string>& last_event_id) {
  if (last_event_id) {
    if (!is_uuid(*last_event_id)) {
      return Error::bad_request("INVALID_LAST_EVENT_ID",
                                "Last-Event-ID must be the id of a notification this stream sent.");
    }
    return canonical_id(*last_event_id);
  }
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return NotificationRepository::latest_of(*conn, actor.user_id);
}

}  // namespace deltalabs::engagement
