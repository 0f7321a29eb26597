#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::content {

// Reads and writes super-courses and the sections they are made of. Stateless.
class SuperCourseRepository {
 public:
  // Inserts a draft; returns its id.
  static Result<std::string> insert(Connection& c, const std::string& slug,
                                    const SuperCourseInput& input, const std::string& created_by);
  // The super-course, or 404 SUPER_COURSE_NOT_FOUND.
  static Result<SuperCourse> find(Connection& c, const std::string& id);
  // A page of published super-courses ordered by id.
  static Result<Page<SuperCourse>> list_published(Connection& c, const PageRequest& page);
  // True when no super-course uses the slug.
  static Result<bool> slug_free(Connection& c, const std::string& slug);
  // True when `user_id` created at least one super-course.
  static Result<bool> created_any(Connection& c, const std::string& user_id);
  // Applies a change (nullopt fields stay).
  static Status update(Connection& c, const std::string& id, const SuperCourseInput& change);
  // draft -> published; false when it was not a draft.
  static Result<bool> publish(Connection& c, const std::string& id);
  // Appends a course section; 409 SECTION_ALREADY_INCLUDED when it is there already.
  static Result<std::string> add_section(Connection& c, const std::string& id,
                                         const std::string& section_id);
  // A page of the super-course's sections in order; positions are the cursor.
  static Result<Page<SuperCourseSection>> sections(Connection& c, const std::string& id,
                                                   const PageRequest& page);
  // The super-course's status, or nullopt when it does not exist (or the id is malformed).
  static Result<std::optional<std::string>> status_of(Connection& c, const std::string& id);
  // The distinct courses the super-course's sections come from, in section order.
  static Result<std::vector<std::string>> course_ids(Connection& c, const std::string& id);
};

}  // namespace deltalabs::content
