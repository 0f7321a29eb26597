#include "learning/membership.h"

#include "learning/enrollment_repository.h"

namespace deltalabs::learning {

Result<std::optional<Enrollment>> Membership::enrollment_of(Connection& c,
                                                            const std::string& user_id,
                                                            const std::string& course_id) {
  return EnrollmentRepository::find_of(c, user_id, course_id);
}

Status Membership::lock(Connection& c, const std::string& enrollment_id) {
  return EnrollmentRepository::lock(c, enrollment_id);
}

}  // namespace deltalabs::learning
