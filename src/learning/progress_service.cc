#include "learning/progress_service.h"

#include <array>
#include <boost/json.hpp>

#include "content/content_item_service.h"
#include "learning/enrollment_repository.h"
#include "platform/activity_log.h"

namespace deltalabs::learning {

namespace {

constexpr std::array<int, 3> kMilestones = {25, 50, 75};

Status record_milestones(Connection& c, const Enrollment& before, const Enrollment& after) {
  for (int percent : kMilestones) {
    if (before.progress_percent() >= percent || after.progress_percent() < percent) continue;
    DL_TRY(ActivityLog::record(c, after.user_id,
                               {{},
                                "progress.milestone",
                                after.course_id,
                                after.id,
                                boost::json::serialize(boost::json::object{{"percent", percent}}),
                                {}}));
  }
  return {};
}

bool all_required_done(const Enrollment& e) {
  return e.required_items > 0 && e.completed_required_items == e.required_items;
}

}  // namespace

ProgressService::ProgressService(Database& db, EnrollmentService& enrollments)
    : db_(db), enrollments_(enrollments), items_(EnrollmentRepository::item_progress()) {}

Result<ProgressReport> ProgressService::get(const Actor& actor, const std::string& enrollment_id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(Enrollment e, enrollments_.readable(*conn, actor, enrollment_id));
  return report(*conn, std::move(e));
}

Result<ProgressReport> ProgressService::update(const Actor& actor, const std::string& enrollment_id,
                                               const std::string& content_item_id,
                                               const std::string& status) {
  return db_.transaction([&](Connection& c) -> Result<ProgressReport> {
    DL_ASSIGN_OR_RETURN(Enrollment seen, enrollments_.readable(c, actor, enrollment_id));
    if (seen.user_id != actor.user_id)
      return Error::forbidden("Only the enrolled learner records their progress.");
    DL_TRY(EnrollmentRepository::lock(c, seen.id));
    // Read again under the lock: a concurrent update of this enrollment has committed by now.
    DL_ASSIGN_OR_RETURN(Enrollment before, EnrollmentRepository::find(c, seen.id));
    if (!before.live()) {
      return Error::conflict("ENROLLMENT_CANCELLED",
                             "A cancelled enrollment records no progress; enroll again first.");
    }
    DL_ASSIGN_OR_RETURN(auto required, content::ContentItemService::required_in_course(
                                           c, content_item_id, before.course_id));
    if (!required) {
      return Error::invalid("The request body is not valid.",
                            {{"content_item_id", "is not an item of this enrollment's course"}});
    }
    DL_TRY(items_.advance(c, before.id, content_item_id, status));
    DL_ASSIGN_OR_RETURN(Enrollment after, EnrollmentRepository::find(c, before.id));
    DL_TRY(record_milestones(c, before, after));
    if (after.status == "active" && all_required_done(after)) {
      DL_TRY(EnrollmentRepository::complete(c, after.id));
      DL_ASSIGN_OR_RETURN(after, EnrollmentRepository::find(c, after.id));
      DL_TRY(ActivityLog::record(
          c, after.user_id, {{}, "enrollment.completed", after.course_id, after.id, "{}", {}}));
    }
    return report(c, std::move(after));
  });
}

Result<ProgressReport> ProgressService::report(Connection& c, Enrollment enrollment) {
  DL_ASSIGN_OR_RETURN(auto items, EnrollmentRepository::item_progress(c, enrollment.id));
  return ProgressReport{std::move(enrollment), std::move(items)};
}

}  // namespace deltalabs::learning
