#include "learning/course_structure.h"

#include "core/uuid.h"
#include "learning/learning_sql.h"

namespace deltalabs::learning {

Result<bool> CourseStructure::user_exists(Connection& c, const std::string& user_id) {
  if (!is_uuid(user_id)) return false;
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kUserExists, {user_id}));
  return rows[0].integer(0) > 0;
}

Result<std::optional<bool>> CourseStructure::item_required(Connection& c,
                                                           const std::string& item_id,
                                                           const std::string& course_id) {
  if (!is_uuid(item_id)) return std::optional<bool>{};
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kItemIsRequiredInCourse, {item_id, course_id}));
  if (rows.empty()) return std::optional<bool>{};
  return std::optional<bool>{rows[0].boolean(0)};
}

Result<bool> CourseStructure::section_in_course(Connection& c, const std::string& section_id,
                                                const std::string& course_id) {
  if (!is_uuid(section_id)) return false;
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSectionInCourse, {section_id, course_id}));
  return rows[0].integer(0) > 0;
}

Result<std::optional<std::string>> CourseStructure::super_course_status(Connection& c,
                                                                        const std::string& id) {
  if (!is_uuid(id)) return std::optional<std::string>{};
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectSuperCourseStatus, {id}));
  if (rows.empty()) return std::optional<std::string>{};
  return std::optional<std::string>{rows[0].text(0)};
}

Result<std::vector<std::string>> CourseStructure::super_course_courses(Connection& c,
                                                                       const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSuperCourseCourses, {id}));
  std::vector<std::string> ids;
  ids.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) ids.push_back(rows[i].text(0));
  return ids;
}

}  // namespace deltalabs::learning
