#pragma once

#include <string>
#include <vector>

#include "catalog/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::catalog {

// Reads and writes instructor profiles. Stateless: the caller passes the connection.
class InstructorRepository {
 public:
  // Inserts a profile; returns its id; 409 INSTRUCTOR_EXISTS when the user already has one.
  static Result<std::string> insert(Connection& c, const InstructorInput& input);
  // The profile, or 404 INSTRUCTOR_NOT_FOUND.
  static Result<Instructor> find(Connection& c, const std::string& id);
  // The profile of a user, or nullopt.
  static Result<std::optional<Instructor>> find_by_user(Connection& c, const std::string& user_id);
  // A page of profiles ordered by id.
  static Result<Page<Instructor>> list(Connection& c, const PageRequest& page);
  // The instructors of a course, in the order they were added.
  static Result<std::vector<Instructor>> of_course(Connection& c, const std::string& course_id);
  // True when a user with this id exists.
  static Result<bool> user_exists(Connection& c, const std::string& user_id);
};

}  // namespace deltalabs::catalog
