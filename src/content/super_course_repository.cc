#include "content/super_course_repository.h"

#include "content/content_sql.h"
#include "content/section_repository.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::content {

namespace {

SuperCourse super_course_from(const Row& r) { return sql::kSuperCourseRow.read(r); }

}  // namespace

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
  if (!is_uuid(id)) return Error::not_found("super course");
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectSuperCourse, {id}));
  if (rows.empty()) return Error::not_found("super course");
  return super_course_from(rows[0]);
}

Result<Page<SuperCourse>> SuperCourseRepository::list_published(Connection& c,
                                                                const PageRequest& page) {
  return query_page(c, sql::kListPublishedSuperCourses, {}, page, super_course_from);
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
  DL_ASSIGN_OR_RETURN(std::int64_t after, position_after(page));
  DL_ASSIGN_OR_RETURN(RowSet rows,
                      c.query(sql::kListSuperCourseSections, {id, after, page.limit + 1}));
  std::vector<SuperCourseSection> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.integer(5), r.text(6)});
  }
  return make_page(std::move(out), page.limit,
                   [](const SuperCourseSection& s) { return std::to_string(s.position); });
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
