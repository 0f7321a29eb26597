#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::learning {

// What learning needs to know about rows other domains own (users, content
// items, sections, super-courses), read inside learning's own transactions.
class CourseStructure {
 public:
  // True when the user exists.
  static Result<bool> user_exists(Connection& c, const std::string& user_id);
  // Whether the item is required, or nullopt when it is not an item of the course.
  static Result<std::optional<bool>> item_required(Connection& c, const std::string& item_id,
                                                   const std::string& course_id);
  // True when the section belongs to the course.
  static Result<bool> section_in_course(Connection& c, const std::string& section_id,
                                        const std::string& course_id);
  // The super-course's status, or nullopt when it does not exist.
  static Result<std::optional<std::string>> super_course_status(Connection& c,
                                                                const std::string& id);
  // The distinct courses the super-course's sections come from, in section order.
  static Result<std::vector<std::string>> super_course_courses(Connection& c,
                                                               const std::string& id);
};

}  // namespace deltalabs::learning
