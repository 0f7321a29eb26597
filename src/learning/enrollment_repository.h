#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "learning/model.h"
#include "learning/progress_ledger.h"
#include "storage/connection.h"

namespace deltalabs::learning {

// What a new or revived enrollment records.
struct EnrollmentRow {
  std::string user_id;
  std::string course_id;
  std::string member_role;
  std::string source;
  std::optional<std::string> super_course_id;
  // The commerce order that paid for or sponsored the enrollment, if any.
  std::optional<std::string> order_id;
};

// Rows of enrollments and the seats they hold (courses.enrollment_count).
// Callers run writes inside one transaction with the seat change.
class EnrollmentRepository {
 public:
  // One enrollment with its derived progress; 404 ENROLLMENT_NOT_FOUND when absent.
  static Result<Enrollment> find(Connection& c, const std::string& id);
  // The user's enrollment in the course, cancelled or not, if any.
  static Result<std::optional<Enrollment>> find_of(Connection& c, const std::string& user_id,
                                                   const std::string& course_id);
  // A page of the user's enrollments, newest first, optionally with one status only.
  static Result<Page<Enrollment>> list_of_user(Connection& c, const std::string& user_id,
                                               const std::optional<std::string>& status,
                                               const PageRequest& page);
  // Inserts an active enrollment and returns its id; 409 ALREADY_ENROLLED when one exists.
  static Result<std::string> insert(Connection& c, const EnrollmentRow& row);
  // Brings a cancelled enrollment back as described by `row`; false when it was not cancelled.
  static Result<bool> reactivate(Connection& c, const std::string& id, const EnrollmentRow& row);
  // Cancels; false when it was already cancelled.
  static Result<bool> cancel(Connection& c, const std::string& id);
  // active -> completed; false when it was not active.
  static Result<bool> complete(Connection& c, const std::string& id);
  // The items the enrollment's learner started or completed, in course order.
  static Result<std::vector<ItemProgress>> item_progress(Connection& c,
                                                         const std::string& enrollment_id);
  // Locks the enrollment's row for the rest of the transaction.
  static Status lock(Connection& c, const std::string& id);
  // True when the user holds an enrollment in the course that is not cancelled.
  static Result<bool> is_member(Connection& c, const std::string& user_id,
                                const std::string& course_id);
  // A page of the course's members (enrolled users and its instructors), by user id.
  static Result<Page<CourseMember>> members(Connection& c, const std::string& course_id,
                                            const PageRequest& page);
  // True when the user exists (identity's users, a declared read-only view).
  static Result<bool> user_exists(Connection& c, const std::string& user_id);
  // The statements of item progress (enrollment_progress), for ProgressLedger.
  static ProgressLedger::Statements item_progress();
};

}  // namespace deltalabs::learning
