#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "learning/model.h"
#include "storage/connection.h"

namespace deltalabs::learning {

// Course membership as other domains (assessment) need it inside their own
// transactions: whose enrollment it is, and a lock that serialises what
// hangs off one enrollment.
class Membership {
 public:
  // The user's enrollment in the course, cancelled or not (Enrollment::live
  // tells), if any.
  static Result<std::optional<Enrollment>> enrollment_of(Connection& c, const std::string& user_id,
                                                         const std::string& course_id);
  // Locks the enrollment's row until the transaction ends, so changes
  // hanging off one enrollment (attempts, grades) serialise on PostgreSQL as
  // they do on SQLite's single writer.
  static Status lock(Connection& c, const std::string& enrollment_id);
};

}  // namespace deltalabs::learning
