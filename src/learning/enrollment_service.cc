#include "learning/enrollment_service.h"

#include <boost/json.hpp>

#include "content/super_course_service.h"
#include "core/uuid.h"
#include "platform/activity_log.h"

namespace deltalabs::learning {

namespace {

constexpr const char* kManagePermission = "enrollments:manage";

Status record(Connection& c, const Enrollment& e, const char* kind) {
  const std::string data = boost::json::serialize(
      boost::json::object{{"member_role", e.member_role}, {"source", e.source}});
  return ActivityLog::record(c, e.user_id, {{}, kind, e.course_id, e.id, data, {}});
}

// The user an enrollment request is for: the one named, or the actor.
std::string target_user(const Actor& actor, const EnrollmentRequest& request) {
  return request.user_id ? canonical_id(*request.user_id) : actor.user_id;
}

// True when the request enrolls someone else, or as staff: only managers may.
bool staff_request(const Actor& actor, const EnrollmentRequest& request) {
  return target_user(actor, request) != actor.user_id ||
         request.member_role.value_or("student") != "student";
}

Status require_user(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(bool exists, EnrollmentRepository::user_exists(c, user_id));
  if (!exists) return Error::not_found("user");
  return {};
}

}  // namespace

Result<Enrollment> EnrollmentService::enroll(const Actor& actor, const EnrollmentRequest& request) {
  return durable_.after(db_.transaction([&](Connection& c) -> Result<Enrollment> {
    return enroll_course(c, actor, request, request.course_id.value_or(""), std::nullopt);
  }));
}

Result<SuperCourseEnrollment> EnrollmentService::enroll_in_super_course(
    const Actor& actor, const EnrollmentRequest& request) {
  const std::string id = canonical_id(request.super_course_id.value_or(""));
  return durable_.after(db_.transaction([&](Connection& c) -> Result<SuperCourseEnrollment> {
    DL_ASSIGN_OR_RETURN(auto status, content::SuperCourseService::status_of(c, id));
    if (!status || *status == "draft") return Error::not_found("super-course");
    if (*status != "published") {
      return Error::conflict("SUPER_COURSE_NOT_PUBLISHED",
                             "The super-course is archived and takes no new enrollments.");
    }
    if (staff_request(actor, request)) DL_TRY(authz_.require(actor, kManagePermission));
    DL_ASSIGN_OR_RETURN(auto course_ids, content::SuperCourseService::course_ids(c, id));
    SuperCourseEnrollment result{id, {}};
    for (const auto& course_id : course_ids) {
      DL_ASSIGN_OR_RETURN(auto existing,
                          EnrollmentRepository::find_of(c, target_user(actor, request), course_id));
      if (existing && existing->live()) continue;
      DL_ASSIGN_OR_RETURN(Enrollment e, enroll_course(c, actor, request, course_id, id));
      result.enrollments.push_back(std::move(e));
    }
    if (result.enrollments.empty()) {
      return Error::conflict("ALREADY_ENROLLED",
                             "You are already enrolled in every course of this super-course.");
    }
    return result;
  }));
}

Result<Enrollment> EnrollmentService::enroll_course(
    Connection& c, const Actor& actor, const EnrollmentRequest& request,
    const std::string& course_id, const std::optional<std::string>& super_course_id) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.visible(c, actor, course_id));
  const bool staff = staff_request(actor, request);
  if (staff) {
    DL_ASSIGN_OR_RETURN(bool manager, manages(c, actor, course.id));
    if (!manager) {
      return Error::forbidden(
          "Only the course's managers may enroll other users or enroll as ta or instructor.");
    }
  }
  const std::string role = request.member_role.value_or("student");
  // Staff may join a draft to prepare it; learners join published courses only.
  if (course.status == "archived" || (role == "student" && course.status != "published")) {
    return Error::conflict("COURSE_NOT_PUBLISHED",
                           "The course \"" + course.title + "\" takes no enrollments now.");
  }
  if (!staff && course.price.amount_minor > 0) {
    return Error{ErrorKind::kPaymentRequired,
                 "PAYMENT_REQUIRED",
                 "The course \"" + course.title +
                     "\" is paid: add it to your cart (POST /v1/cart/items) and check out "
                     "(POST /v1/orders), or ask a sponsor (POST /v1/sponsorship-requests).",
                 {{"course_id", course.id}},
                 {}};
  }
  const std::string user_id = target_user(actor, request);
  if (user_id != actor.user_id) DL_TRY(require_user(c, user_id));
  return enroll_within(c, {user_id, course.id, role, staff ? "admin" : "free", super_course_id});
}

Result<Enrollment> EnrollmentService::enroll_within(Connection& c, const EnrollmentRow& row) {
  DL_ASSIGN_OR_RETURN(auto existing, EnrollmentRepository::find_of(c, row.user_id, row.course_id));
  if (existing && existing->live())
    return Error::conflict("ALREADY_ENROLLED", "The user is already enrolled in this course.");
  if (row.member_role == "student") {
    DL_ASSIGN_OR_RETURN(bool seated, catalog::CourseService::take_seat(c, row.course_id));
    if (!seated) return Error::conflict("COURSE_FULL", "Every seat of the course is taken.");
  }
  std::string id;
  if (existing) {
    DL_ASSIGN_OR_RETURN(bool revived, EnrollmentRepository::reactivate(c, existing->id, row));
    if (!revived) return Error::conflict("ALREADY_ENROLLED", "The enrollment changed meanwhile.");
    id = existing->id;
  } else {
    DL_ASSIGN_OR_RETURN(id, EnrollmentRepository::insert(c, row));
  }
  DL_ASSIGN_OR_RETURN(Enrollment e, EnrollmentRepository::find(c, id));
  DL_TRY(record(c, e, "enrollment.created"));
  return e;
}

Result<std::optional<Enrollment>> EnrollmentService::enrollment_of(Connection& c,
                                                                   const std::string& user_id,
                                                                   const std::string& course_id) {
  return EnrollmentRepository::find_of(c, user_id, course_id);
}

Status EnrollmentService::lock_enrollment(Connection& c, const std::string& enrollment_id) {
  return EnrollmentRepository::lock(c, enrollment_id);
}

Status EnrollmentService::cancel_within(Connection& c, const std::string& enrollment_id) {
  DL_ASSIGN_OR_RETURN(Enrollment e, EnrollmentRepository::find(c, enrollment_id));
  DL_ASSIGN_OR_RETURN(bool cancelled, EnrollmentRepository::cancel(c, e.id));
  if (!cancelled) return {};
  if (e.member_role == "student") DL_TRY(catalog::CourseService::free_seat(c, e.course_id));
  DL_ASSIGN_OR_RETURN(Enrollment after, EnrollmentRepository::find(c, e.id));
  return record(c, after, "enrollment.cancelled");
}

Result<Page<Enrollment>> EnrollmentService::list_mine(const Actor& actor,
                                                      const std::optional<std::string>& status,
                                                      const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return EnrollmentRepository::list_of_user(*conn, actor.user_id, status, page);
}

Result<Enrollment> EnrollmentService::get(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return readable(*conn, actor, id);
}

Result<Enrollment> EnrollmentService::cancel(const Actor& actor, const std::string& id) {
  return durable_.after(db_.transaction([&](Connection& c) -> Result<Enrollment> {
    DL_ASSIGN_OR_RETURN(Enrollment e, readable(c, actor, id));
    DL_ASSIGN_OR_RETURN(bool cancelled, EnrollmentRepository::cancel(c, e.id));
    if (!cancelled) {
      return Error::conflict("ENROLLMENT_ALREADY_CANCELLED",
                             "The enrollment is already cancelled.");
    }
    if (e.member_role == "student") DL_TRY(catalog::CourseService::free_seat(c, e.course_id));
    DL_ASSIGN_OR_RETURN(Enrollment after, EnrollmentRepository::find(c, e.id));
    DL_TRY(record(c, after, "enrollment.cancelled"));
    return after;
  }));
}

Result<Page<CourseMember>> EnrollmentService::members(const Actor& actor,
                                                      const std::string& course_id,
                                                      const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.visible(*conn, actor, course_id));
  DL_ASSIGN_OR_RETURN(bool member,
                      EnrollmentRepository::is_member(*conn, actor.user_id, course.id));
  if (!member) {
    DL_ASSIGN_OR_RETURN(bool manager, manages(*conn, actor, course.id));
    if (!manager) return Error::forbidden("Only members of the course see who else is in it.");
  }
  return EnrollmentRepository::members(*conn, course.id, page);
}

Result<Enrollment> EnrollmentService::readable(Connection& c, const Actor& actor,
                                               const std::string& id) {
  DL_ASSIGN_OR_RETURN(Enrollment e, EnrollmentRepository::find(c, canonical_id(id)));
  if (e.user_id == actor.user_id) return e;
  DL_ASSIGN_OR_RETURN(bool manager, manages(c, actor, e.course_id));
  if (!manager) return Error::not_found("enrollment");
  return e;
}

Result<Participation> EnrollmentService::participation(Connection& c, const Actor& actor,
                                                       const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.visible(c, actor, canonical_id(course_id)));
  DL_ASSIGN_OR_RETURN(bool editor, courses_.is_editor(c, actor, course));
  DL_ASSIGN_OR_RETURN(bool admin, authz_.allows(actor, kManagePermission));
  DL_ASSIGN_OR_RETURN(auto enrollment, EnrollmentRepository::find_of(c, actor.user_id, course.id));
  const std::string role = enrollment && enrollment->live() ? enrollment->member_role : "";
  Participation p;
  p.teaches = editor || role == "instructor";
  p.staff = p.teaches || role == "ta";
  p.member = p.staff || admin || !role.empty();
  return p;
}

Result<bool> EnrollmentService::manages(Connection& c, const Actor& actor,
                                        const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(bool admin, authz_.allows(actor, kManagePermission));
  if (admin) return true;
  auto course = courses_.visible(c, actor, course_id);
  if (!course.ok()) return false;
  return courses_.is_editor(c, actor, *course);
}

}  // namespace deltalabs::learning
