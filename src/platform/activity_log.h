#pragma once

#include <optional>
#include <string>

#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs {

// One thing a user did, as their activity feed shows it.
struct ActivityEvent {
  std::string id;
  std::string kind;  // e.g. enrollment.created, progress.milestone, wishlist.added
  std::optional<std::string> course_id;
  std::optional<std::string> subject_id;  // the enrollment, roadmap section, ... it is about
  std::string data = "{}";                // JSON object text
  std::string created_at;
};

// The activity_events feed. Every domain appends inside its own transaction,
// so an event exists exactly when the change it describes committed.
class ActivityLog {
 public:
  // Appends `event` (its id and time are assigned here) to `user_id`'s feed.
  static Status record(Connection& c, const std::string& user_id, const ActivityEvent& event);
  // A page of `user_id`'s events, newest first, optionally for one course only.
  static Result<Page<ActivityEvent>> list(Connection& c, const std::string& user_id,
                                          const std::optional<std::string>& course_id,
                                          const PageRequest& page);
};

}  // namespace deltalabs
