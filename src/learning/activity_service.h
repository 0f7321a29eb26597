#pragma once

#include <optional>
#include <string>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "platform/activity_log.h"
#include "storage/database.h"

namespace deltalabs::learning {

// A user's own activity feed; nobody reads anyone else's.
class ActivityService {
 public:
  explicit ActivityService(Database& db) : db_(db) {}

  // A page of the actor's events, newest first; `course_id` narrows it to one course.
  Result<Page<ActivityEvent>> list(const Actor& actor, const std::optional<std::string>& course_id,
                                   const PageRequest& page);

 private:
  Database& db_;
};

}  // namespace deltalabs::learning
