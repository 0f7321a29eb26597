#pragma once

#include <string>
#include <vector>

#include "catalog/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::catalog {

// Reads a row that starts with the course columns of catalog_sql.h and the
// instructors column after them into `into`, reusing the storage of its
// strings: a list read row by row into one Course allocates next to nothing.
void read_course(const RowReader& r, Course& into);

// Reads and writes courses and their instructor lists. Stateless: the caller
// passes the connection, so the service decides the transaction.
class CourseRepository {
 public:
  // Inserts a draft course with a complete input; returns its id.
  static Result<std::string> insert(Connection& c, const std::string& slug,
                                    const CourseInput& input, const std::string& created_by);
  // The course with its instructor ids, or 404 COURSE_NOT_FOUND.
  static Result<Course> find(Connection& c, const std::string& id);
  // Applies a change (nullopt fields stay).
  static Status update(Connection& c, const std::string& id, const CourseInput& change);
  // Moves the course from `from` to `to`; false when it was no longer in `from`.
  static Result<bool> transition(Connection& c, const std::string& id, const std::string& from,
                                 const std::string& to);
  // Replaces the course's instructors.
  static Status set_instructors(Connection& c, const std::string& id,
                                const std::vector<std::string>& instructor_ids);
  // True when `user_id` teaches at least one course.
  static Result<bool> teaches_any(Connection& c, const std::string& user_id);
  // True when `user_id` teaches the course.
  static Result<bool> is_instructor(Connection& c, const std::string& id,
                                    const std::string& user_id);
  // True when no course uses the slug.
  static Result<bool> slug_free(Connection& c, const std::string& slug);
  // Takes one seat; false when the course is full (or does not exist).
  static Result<bool> take_seat(Connection& c, const std::string& id);
  // Gives one seat back (never below zero).
  static Status free_seat(Connection& c, const std::string& id);
  // Field problems for references that do not exist (category, level, instructors).
  static Result<std::vector<FieldError>> missing_references(Connection& c,
                                                            const CourseInput& input);
};

}  // namespace deltalabs::catalog
