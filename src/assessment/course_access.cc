#include "assessment/course_access.h"

#include "core/uuid.h"
#include "learning/enrollment_service.h"

namespace deltalabs::assessment {

namespace {

constexpr const char* kManageGrades = "grades:manage";

}  // namespace

Result<CourseStanding> CourseAccess::standing(Connection& c, const Actor& actor,
                                              const std::string& course_id) const {
  CourseStanding out;
  DL_ASSIGN_OR_RETURN(out.course, courses_.visible(c, actor, canonical_id(course_id)));
  DL_ASSIGN_OR_RETURN(out.author, courses_.is_editor(c, actor, out.course));
  DL_ASSIGN_OR_RETURN(auto enrollment,
                      learning::EnrollmentService::enrollment_of(c, actor.user_id, out.course.id));
  if (enrollment && enrollment->live()) out.enrollment = std::move(enrollment);
  const bool teaching_member = out.enrollment && (out.enrollment->member_role == "ta" ||
                                                  out.enrollment->member_role == "instructor");
  out.grader = out.author || teaching_member;
  if (!out.grader) {
    DL_ASSIGN_OR_RETURN(out.grader, authz_.allows(actor, kManageGrades));
  }
  return out;
}

}  // namespace deltalabs::assessment
