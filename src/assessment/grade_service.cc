#include "assessment/grade_service.h"

#include <boost/json.hpp>

#include "assessment/grade_book.h"
#include "assessment/grade_repository.h"
#include "core/uuid.h"
#include "learning/enrollment_service.h"
#include "platform/audit_log.h"
#include "platform/notification_log.h"

namespace deltalabs::assessment {

namespace {

Status with_items(Connection& c, CourseGrade& g) {
  DL_ASSIGN_OR_RETURN(g.items, GradeRepository::items_of(c, g.enrollment_id));
  return {};
}

}  // namespace

Result<GradeItem> GradeService::readable(Connection& c, const CourseAccess& access,
                                         const Actor& actor, const std::string& id, bool& grader) {
  DL_ASSIGN_OR_RETURN(GradeItem item, GradeRepository::find_item(c, canonical_id(id)));
  auto standing = access.standing(c, actor, item.course_id);
  grader = standing.ok() && standing->grader;
  if (!grader && item.user_id != actor.user_id) return Error::not_found("grade item");
  return item;
}

Result<Page<CourseGrade>> GradeService::course_grades(const Actor& actor,
                                                      const std::string& course_id,
                                                      const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(CourseStanding s, access_.standing(*conn, actor, course_id));
  Page<CourseGrade> result;
  if (s.grader) {
    DL_ASSIGN_OR_RETURN(result, GradeRepository::grades_of_course(*conn, s.course.id, page));
  } else {
    DL_ASSIGN_OR_RETURN(
        auto e, learning::EnrollmentService::enrollment_of(*conn, actor.user_id, s.course.id));
    if (!e)
      return Error::forbidden("Only members of the course have grades in it.", "NOT_ENROLLED");
    DL_ASSIGN_OR_RETURN(auto own, GradeRepository::grade_of(*conn, e->id));
    if (own && page.after.empty()) result.items.push_back(std::move(*own));
  }
  for (auto& g : result.items) DL_TRY(with_items(*conn, g));
  return result;
}

Result<GradeItem> GradeService::item(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  bool grader = false;
  DL_ASSIGN_OR_RETURN(GradeItem item, readable(*conn, access_, actor, id, grader));
  DL_ASSIGN_OR_RETURN(item.history, GradeRepository::history(*conn, item.id));
  return item;
}

Result<GradeItem> GradeService::override_item(const Actor& actor, const std::string& id,
                                              double score, const std::string& reason) {
  return db_.transaction([&](Connection& c) -> Result<GradeItem> {
    bool grader = false;
    DL_ASSIGN_OR_RETURN(GradeItem found, readable(c, access_, actor, id, grader));
    if (!grader) return Error::forbidden("Only the course's graders change grades.");
    // Read again under the enrollment's lock: a submission may have moved it meanwhile.
    DL_TRY(learning::EnrollmentService::lock_enrollment(c, found.enrollment_id));
    DL_ASSIGN_OR_RETURN(GradeItem item, GradeRepository::find_item(c, found.id));
    if (score > item.max_score) {
      return Error::invalid("The score is not valid.",
                            {{"score", "must be at most the item's max_score (" +
                                           std::to_string(item.max_score) + ")"}});
    }
    DL_ASSIGN_OR_RETURN(GradeItem after,
                        GradeBook::set_score(c, item, score, {actor.user_id, "override", reason}));
    const boost::json::object change{{"grade_item_id", item.id},
                                     {"course_id", item.course_id},
                                     {"exercise_id", item.exercise_id},
                                     {"old_score", item.score},
                                     {"new_score", score},
                                     {"reason", reason}};
    DL_TRY(NotificationLog::record(c, item.user_id, "grade.overridden",
                                   boost::json::serialize(change)));
    DL_TRY(AuditLog::record(
        c, actor, {"grade.overridden", "grade_item", item.id, boost::json::serialize(change)}));
    DL_ASSIGN_OR_RETURN(after.history, GradeRepository::history(c, item.id));
    return after;
  });
}

Result<Page<RankingEntry>> GradeService::ranking(const Actor& actor, const std::string& course_id,
                                                 const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(CourseStanding s, access_.standing(*conn, actor, course_id));
  if (!s.participant())
    return Error::forbidden("Only members of the course see its ranking.", "NOT_ENROLLED");
  return GradeRepository::ranking(*conn, s.course.id, page);
}

}  // namespace deltalabs::assessment
