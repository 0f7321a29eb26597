#pragma once

#include <optional>
#include <string>

#include "catalog/course_service.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "learning/enrollment_repository.h"
#include "learning/model.h"
#include "storage/commit_durability.h"
#include "storage/database.h"

namespace deltalabs::learning {

// Enrollments and the seats they hold. Who may do what:
//  - a signed-in user enrolls themselves as a student into a published free
//    course (paid courses answer 402 PAYMENT_REQUIRED pointing to the cart;
//    the commerce domain enrolls through enroll_within, with the order);
//  - the course's editors (its instructors, holders of courses:update) and
//    holders of enrollments:manage enroll other users, or any user as ta or
//    instructor, without payment (source admin);
//  - student enrollments take a seat, at most max_students of them: the seat
//    is a conditional update of courses.enrollment_count, taken through
//    catalog::CourseService::take_seat in the enrolling transaction, so the
//    cap is exact under concurrent requests;
//  - an enrollment is read and cancelled by its user and the course's
//    managers (editors, enrollments:manage); everyone else gets 404.
class EnrollmentService {
 public:
  // Seat-moving commits answer once `durable` says they survive a power cut (decision 0016).
  EnrollmentService(Database& db, CommitDurability& durable,
                    const identity::AuthorizationService& authz, catalog::CourseService& courses)
      : db_(db), durable_(durable), authz_(authz), courses_(courses) {}

  // Enrolls into one course (request.course_id); 201 material.
  Result<Enrollment> enroll(const Actor& actor, const EnrollmentRequest& request);
  // Enrolls into every course of a published super-course in one transaction:
  // all of them or none; courses the user is already in are skipped.
  Result<SuperCourseEnrollment> enroll_in_super_course(const Actor& actor,
                                                       const EnrollmentRequest& request);
  // For other domains, inside their transaction (checkout, sponsorship):
  // admits row.user_id into row.course_id, taking a seat for students;
  // 409 ALREADY_ENROLLED or COURSE_FULL.
  static Result<Enrollment> enroll_within(Connection& c, const EnrollmentRow& row);
  // For other domains, inside their transaction (refunds): cancels a live
  // enrollment and frees its seat; an already cancelled one is left as it is.
  static Status cancel_within(Connection& c, const std::string& enrollment_id);
  // For other domains, inside their transaction (assessment): the user's
  // enrollment in the course, cancelled or not (Enrollment::live tells), if any.
  static Result<std::optional<Enrollment>> enrollment_of(Connection& c, const std::string& user_id,
                                                         const std::string& course_id);
  // For other domains, inside their transaction: locks the enrollment's row
  // until the transaction ends, so changes hanging off one enrollment
  // (attempts, grades) serialise on PostgreSQL as they do on SQLite's single writer.
  static Status lock_enrollment(Connection& c, const std::string& enrollment_id);
  // A page of the actor's own enrollments, newest first.
  Result<Page<Enrollment>> list_mine(const Actor& actor, const std::optional<std::string>& status,
                                     const PageRequest& page);
  // One enrollment the actor may read.
  Result<Enrollment> get(const Actor& actor, const std::string& id);
  // Cancels an enrollment and frees its seat.
  Result<Enrollment> cancel(const Actor& actor, const std::string& id);
  // A page of the members of a course; for its members and managers (403 otherwise).
  Result<Page<CourseMember>> members(const Actor& actor, const std::string& course_id,
                                     const PageRequest& page);
  // Inside a transaction: the enrollment when the actor may read it (its user
  // or a manager of its course), 404 otherwise.
  Result<Enrollment> readable(Connection& c, const Actor& actor, const std::string& id);
  // Inside a transaction: how the actor takes part in a course they may see
  // (404 COURSE_NOT_FOUND otherwise): members are its live enrollments (as
  // student, ta or instructor), its instructors and its editors
  // (courses:update) and managers (enrollments:manage).
  Result<Participation> participation(Connection& c, const Actor& actor,
                                      const std::string& course_id);
  // Inside a transaction: true when the actor manages the course's enrollments.
  Result<bool> manages(Connection& c, const Actor& actor, const std::string& course_id);

 private:
  Result<Enrollment> enroll_course(Connection& c, const Actor& actor,
                                   const EnrollmentRequest& request, const std::string& course_id,
                                   const std::optional<std::string>& super_course_id);

  Database& db_;
  CommitDurability& durable_;
  const identity::AuthorizationService& authz_;
  catalog::CourseService& courses_;
};

}  // namespace deltalabs::learning
