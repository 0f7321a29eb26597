#include "catalog/instructor_repository.h"

#include "catalog/catalog_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::catalog {

Result<std::string> InstructorRepository::insert(Connection& c, const InstructorInput& input) {
  const std::string id = new_uuid_v7();
  auto inserted = c.execute(sql::kInsertInstructor,
                            {id, input.user_id, input.headline, input.bio, format_rfc3339(now())});
  if (!inserted.ok()) {
    if (inserted.error().code == storage_code::kUniqueViolation) {
      return Error::conflict("INSTRUCTOR_EXISTS", "That user already has an instructor profile.");
    }
    return std::move(inserted).error();
  }
  return id;
}

Result<Instructor> InstructorRepository::find(Connection& c, const std::string& id) {
  return sql::kInstructorTable.find(c, id);
}

Result<std::optional<Instructor>> InstructorRepository::find_by_user(Connection& c,
                                                                     const std::string& user_id) {
  return sql::kInstructorTable.first(c, sql::kSelectInstructorByUser, {user_id});
}

Result<Page<Instructor>> InstructorRepository::list(Connection& c, const PageRequest& page) {
  return sql::kInstructorTable.page(c, sql::kListInstructors, {}, page);
}

Result<std::vector<Instructor>> InstructorRepository::of_course(Connection& c,
                                                                const std::string& course_id) {
  return sql::kInstructorTable.all(c, sql::kListInstructorsOfCourse, {course_id});
}

Result<bool> InstructorRepository::user_exists(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCountUsersById, {user_id}));
  return rows[0].integer(0) > 0;
}

}  // namespace deltalabs::catalog
