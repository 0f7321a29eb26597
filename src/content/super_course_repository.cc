#include "content/super_course_repository.h"

#include "content/content_sql.h"
#include "content/section_repository.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::content {

Result<std::string> SuperCourseRepository::insert(Connection& c, const std::string& slug,
                                                  const SuperCourseInput& in,
                                                  const std::string& created_by) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertSuperCourse,
                   {id, slug, in.title.value_or(""), in.description.value_or(""), created_by,
                    format_rfc3339(now())}));
  return id;
}

Result<SuperCourse> SuperCourseRepository::find(Connection& c, const std::string& id) {
  return sql::kSuperCourses.find(c, id);
}

Result<Page<SuperCourse>> SuperCourseRepository::list_published(Connection& c,
                                                                const PageRequest& page) {
  return sql::kSuperCourses.page(c, sql::kListPublishedSuperCourses, {}, page);
}

Result<bool> SuperCourseRepository::slug_free(Connection& c, const std::string& slug) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCountSuperCoursesBySlug, {slug}));
  return rows[0].integer(0) == 0;
}

Result<bool> SuperCourseRepository::created_any(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCreatedAnySuperCourse, {user_id}));
  return !rows.empty();
}

Status SuperCourseRepository::update(Connection& c, const std::string& id,
                                     const SuperCourseInput& ch) {
  DL_TRY(c.execute(sql::kUpdateSuperCourse, {id, ch.title, ch.description, format_rfc3339(now())}));
  return {};
}

Result<bool> SuperCourseRepository::publish(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(std::int64_t changed,
                      c.execute(sql::kPublishSuperCourse, {id, format_rfc3339(now())}));
  return changed == 1;
}

Result<std::string> SuperCourseRepository::add_section(Connection& c, const std::string& id,
                                                       const std::string& section_id) {
  const std::string row_id = new_uuid_v7();
  auto inserted =
      c.execute(sql::kInsertSuperCourseSection, {row_id, id, section_id, format_rfc3339(now())});
  if (!inserted.ok()) {
    if (inserted.error().code == storage_code::kUniqueViolation) {
      return Error::conflict("SECTION_ALREADY_INCLUDED",
                             "That section is already part of this super-course.");
    }
    return std::move(inserted).error();
  }
  return row_id;
}

Result<Page<SuperCourseSection>> SuperCourseRepository::sections(Connection& c,
                                                                 const std::string& id,
                                                                 const PageRequest& page) {
  return query_position_page(c, sql::kListSuperCourseSections, {id}, page,
                             sql::kSuperCourseSectionRow.reader());
}

Result<std::optional<std::string>> SuperCourseRepository::status_of(Connection& c,
                                                                    const std::string& id) {
  if (!is_uuid(id)) return std::optional<std::string>{};
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectSuperCourseStatus, {id}));
  if (rows.empty()) return std::optional<std::string>{};
  return std::optional<std::string>{rows[0].text(0)};
}

Result<std::vector<std::string>> SuperCourseRepository::course_ids(Connection& c,
                                                                   const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSuperCourseCourses, {id}));
  std::vector<std::string> ids;
  ids.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) ids.push_back(rows[i].text(0));
  return ids;
}

}  // namespace deltalabs::content
