#include "assessment/appeal_service.h"

#include <boost/json.hpp>

#include "assessment/appeal_repository.h"
#include "assessment/grade_book.h"
#include "assessment/grade_repository.h"
#include "assessment/grade_service.h"
#include "core/uuid.h"
#include "learning/enrollment_service.h"
#include "platform/audit_log.h"
#include "platform/notification_log.h"

namespace deltalabs::assessment {

namespace {

// The appeal when the actor may read it (its learner or a grader of its course).
Result<Appeal> readable(Connection& c, const CourseAccess& access, const Actor& actor,
                        const std::string& id, bool& grader) {
  DL_ASSIGN_OR_RETURN(Appeal a, AppealRepository::find(c, canonical_id(id)));
  auto standing = access.standing(c, actor, a.course_id);
  grader = standing.ok() && standing->grader;
  if (!grader && a.user_id != actor.user_id) return Error::not_found("appeal");
  return a;
}

Status check_resolution(const AppealResolution& r, const GradeItem& item) {
  if (r.status == "accepted" && !r.score) {
    return Error::invalid("The resolution is not valid.",
                          {{"score", "is required to accept an appeal"}});
  }
  if (r.status == "rejected" && r.score) {
    return Error::invalid("The resolution is not valid.",
                          {{"score", "a rejected appeal keeps the grade"}});
  }
  if (r.score && *r.score > item.max_score) {
    return Error::invalid("The resolution is not valid.",
                          {{"score", "must be at most the item's max_score (" +
                                         std::to_string(item.max_score) + ")"}});
  }
  return {};
}

std::string outcome_json(const Appeal& a, const GradeItem& before) {
  return boost::json::serialize(boost::json::object{
      {"appeal_id", a.id},
      {"grade_item_id", a.grade_item_id},
      {"course_id", a.course_id},
      {"exercise_id", a.exercise_id},
      {"status", a.status},
      {"old_score", before.score},
      {"new_score", a.new_score ? boost::json::value(*a.new_score) : boost::json::value(nullptr)},
      {"note",
       a.resolution_note ? boost::json::value(*a.resolution_note) : boost::json::value(nullptr)}});
}

}  // namespace

Result<Appeal> AppealService::open(const Actor& actor, const std::string& grade_item_id,
                                   const std::string& reason) {
  return db_.transaction([&](Connection& c) -> Result<Appeal> {
    bool grader = false;
    DL_ASSIGN_OR_RETURN(GradeItem item,
                        GradeService::readable(c, access_, actor, grade_item_id, grader));
    if (item.user_id != actor.user_id)
      return Error::forbidden("Only the learner whose grade it is appeals it.");
    DL_ASSIGN_OR_RETURN(std::string id,
                        AppealRepository::insert(c, item.id, actor.user_id, reason));
    return AppealRepository::find(c, id);
  });
}

Result<Appeal> AppealService::resolve(const Actor& actor, const std::string& id,
                                      const AppealResolution& resolution) {
  return db_.transaction([&](Connection& c) -> Result<Appeal> {
    bool grader = false;
    DL_ASSIGN_OR_RETURN(Appeal appeal, readable(c, access_, actor, id, grader));
    if (!grader) return Error::forbidden("Only the course's graders resolve appeals.");
    DL_ASSIGN_OR_RETURN(GradeItem found, GradeRepository::find_item(c, appeal.grade_item_id));
    DL_TRY(learning::EnrollmentService::lock_enrollment(c, found.enrollment_id));
    DL_ASSIGN_OR_RETURN(GradeItem item, GradeRepository::find_item(c, found.id));
    DL_TRY(check_resolution(resolution, item));
    DL_ASSIGN_OR_RETURN(bool resolved,
                        AppealRepository::resolve(c, appeal.id, resolution, actor.user_id));
    if (!resolved)
      return Error::conflict("APPEAL_ALREADY_RESOLVED", "The appeal is already resolved.");
    if (resolution.status == "accepted") {
      const std::string why = "appeal accepted" + (resolution.note ? ": " + *resolution.note : "");
      DL_TRY(GradeBook::set_score(c, item, *resolution.score, {actor.user_id, "appeal", why}));
    }
    DL_ASSIGN_OR_RETURN(Appeal after, AppealRepository::find(c, appeal.id));
    const std::string outcome = outcome_json(after, item);
    DL_TRY(NotificationLog::record(c, after.user_id, "appeal.resolved", outcome));
    DL_TRY(AuditLog::record(c, actor, {"appeal." + after.status, "appeal", after.id, outcome}));
    return after;
  });
}

Result<Appeal> AppealService::get(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  bool grader = false;
  return readable(*conn, access_, actor, id, grader);
}

Result<Page<Appeal>> AppealService::list(const Actor& actor, const std::string& course_id,
                                         const std::optional<std::string>& status,
                                         const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(CourseStanding s, access_.standing(*conn, actor, course_id));
  if (!s.participant())
    return Error::forbidden("Only members of the course see its appeals.", "NOT_ENROLLED");
  const AppealFilter filter{s.grader ? "" : actor.user_id, status.value_or("")};
  return AppealRepository::list(*conn, s.course.id, filter, page);
}

}  // namespace deltalabs::assessment
