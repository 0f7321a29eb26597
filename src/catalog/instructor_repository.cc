#include "catalog/instructor_repository.h"

#include "catalog/catalog_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::catalog {

namespace {

Instructor instructor_from(const Row& r) { return sql::kInstructorRow.read(r); }

std::vector<Instructor> all_from(const RowSet& rows) {
  std::vector<Instructor> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(instructor_from(rows[i]));
  return out;
}

}  // namespace

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
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectInstructor, {id}));
  if (rows.empty()) return Error::not_found("instructor");
  return instructor_from(rows[0]);
}

Result<std::optional<Instructor>> InstructorRepository::find_by_user(Connection& c,
                                                                     const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectInstructorByUser, {user_id}));
  if (rows.empty()) return std::optional<Instructor>{};
  return std::optional<Instructor>{instructor_from(rows[0])};
}

Result<Page<Instructor>> InstructorRepository::list(Connection& c, const PageRequest& page) {
  return query_page(c, sql::kListInstructors, {}, page, instructor_from);
}

Result<std::vector<Instructor>> InstructorRepository::of_course(Connection& c,
                                                                const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kListInstructorsOfCourse, {course_id}));
  return all_from(rows);
}

Result<bool> InstructorRepository::user_exists(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCountUsersById, {user_id}));
  return rows[0].integer(0) > 0;
}

}  // namespace deltalabs::catalog
