#include "learning/activity_service.h"

#include "core/uuid.h"

namespace deltalabs::learning {

Result<Page<ActivityEvent>> ActivityService::list(const Actor& actor,
                                                  const std::optional<std::string>& course_id,
                                                  const PageRequest& page) {
  if (course_id && !is_uuid(*course_id))
    return Error::invalid("The query is not valid.", {{"course_id", "must be a UUID"}});
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return ActivityLog::list(*conn, actor.user_id, canonical_optional_id(course_id), page);
}

}  // namespace deltalabs::learning
