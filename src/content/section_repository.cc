#include "content/section_repository.h"

#include "content/content_sql.h"
#include "content/ordered_positions.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::content {

namespace {

const OrderedPositions kPositions({sql::kCountSections, sql::kNegateSectionRange,
                                   sql::kPlaceSectionRange, sql::kNegateSectionsAfter,
                                   sql::kCloseSectionGap});

Result<std::int64_t> count(Connection& c, const char* statement, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(statement, {id}));
  return rows[0].integer(0);
}

}  // namespace

Result<std::string> SectionRepository::insert(Connection& c, const std::string& course_id,
                                              const SectionInput& in) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertSection, {id, course_id, in.title.value_or(""),
                                         in.summary.value_or(""), format_rfc3339(now())}));
  return id;
}

Result<Section> SectionRepository::find(Connection& c, const std::string& id) {
  return sql::kSections.find(c, id);
}

Result<Page<Section>> SectionRepository::list(Connection& c, const std::string& course_id,
                                              const PageRequest& page) {
  return sql::kSections.position_page(c, sql::kListSections, {course_id}, page);
}

Status SectionRepository::update(Connection& c, const Section& s, const SectionInput& in) {
  DL_TRY(c.execute(sql::kUpdateSection, {s.id, in.title, in.summary, format_rfc3339(now())}));
  if (!in.position) return {};
  return kPositions.move(c, s.course_id, s.id, s.position, *in.position);
}

Status SectionRepository::remove(Connection& c, const Section& s) {
  DL_TRY(c.execute(sql::kDeleteSection, {s.id}));
  return kPositions.close_gap(c, s.course_id, s.position);
}

Result<bool> SectionRepository::has_content(Connection& c, const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(std::int64_t n, count(c, sql::kCountSectionsWithItems, course_id));
  return n > 0;
}

Result<std::int64_t> SectionRepository::item_count(Connection& c, const std::string& course_id) {
  return count(c, sql::kCountItemsOfCourse, course_id);
}

Result<bool> SectionRepository::in_course(Connection& c, const std::string& section_id,
                                          const std::string& course_id) {
  if (!is_uuid(section_id)) return false;
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSectionInCourse, {section_id, course_id}));
  return rows[0].integer(0) > 0;
}

}  // namespace deltalabs::content
