#include "engagement/engagement_module.h"

#include <algorithm>

#include "engagement/community_handlers.h"
#include "engagement/notification_handlers.h"
#include "engagement/question_handlers.h"

namespace deltalabs::engagement {

EngagementModule::EngagementModule(Database& db, learning::EnrollmentService& enrollments,
                                   const CursorCodec& cursors, const EngagementOptions& options)
    : cursors_(cursors),
      membership_(enrollments),
      questions_(db, membership_),
      votes_(db, membership_),
      threads_(db, membership_),
      events_(db, membership_),
      notifications_(db),
      hub_(db, NotificationWake::for_database(db, options.database_url),
           HubOptions{options.heartbeat,
                      std::min(options.heartbeat, std::chrono::milliseconds(200))}),
      bookmarks_(db, membership_) {}

void EngagementModule::register_routes(http::Router& router) {
  register_question_routes(router, questions_, votes_, cursors_);
  register_community_routes(router, threads_, events_, cursors_);
  register_notification_routes(router, notifications_, hub_, cursors_);
  register_bookmark_routes(router, bookmarks_, cursors_);
}

}  // namespace deltalabs::engagement
