#include "assessment/grade_repository.h"

#include <charconv>

#include "assessment/assessment_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::assessment {

namespace {

std::optional<double> optional_real(const Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return r.real(i);
}

// The offset a ranking cursor carries; 0 for the first page or a foreign cursor.
std::int64_t offset_of(const std::string& after) {
  std::int64_t offset = 0;
  const auto [end, ec] = std::from_chars(after.data(), after.data() + after.size(), offset);
  if (ec != std::errc() || end != after.data() + after.size() || offset < 0) return 0;
  return offset;
}

}  // namespace

Result<GradeItem> GradeRepository::find_item(Connection& c, const std::string& id) {
  return sql::kGradeItemTable.find(c, id);
}

Result<std::optional<GradeItem>> GradeRepository::item_of(Connection& c,
                                                          const std::string& enrollment_id,
                                                          const std::string& exercise_id) {
  return sql::kGradeItemTable.first(c, sql::kSelectGradeItemOf, {enrollment_id, exercise_id});
}

Result<std::vector<GradeItem>> GradeRepository::items_of(Connection& c,
                                                         const std::string& enrollment_id) {
  return sql::kGradeItemTable.all(c, sql::kListGradeItemsOfEnrollment, {enrollment_id});
}

Result<std::string> GradeRepository::insert_item(Connection& c, const std::string& enrollment_id,
                                                 const std::string& exercise_id,
                                                 const std::optional<std::string>& submission_id,
                                                 double score, double max_score) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertGradeItem, {id, enrollment_id, exercise_id, submission_id, score,
                                           max_score, format_rfc3339(now())}));
  return id;
}

Status GradeRepository::update_item(Connection& c, const std::string& id, double score,
                                    const std::optional<std::string>& submission_id,
                                    bool overridden) {
  DL_TRY(c.execute(sql::kUpdateGradeItem,
                   {id, score, submission_id, overridden, format_rfc3339(now())}));
  return {};
}

Status GradeRepository::append_change(Connection& c, const GradeChangeRow& change) {
  DL_TRY(c.execute(sql::kInsertGradeChange,
                   {new_uuid_v7(), change.grade_item_id, change.old_score, change.new_score,
                    change.changed_by, change.reason, change.source, format_rfc3339(now())}));
  return {};
}

Result<std::vector<GradeChange>> GradeRepository::history(Connection& c,
                                                          const std::string& item_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kListGradeChanges, {item_id}));
  std::vector<GradeChange> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    out.push_back({r.text(0), optional_real(r, 1), r.real(2), r.optional_text(3), r.text(4),
                   r.text(5), r.text(6)});
  }
  return out;
}

Status GradeRepository::store_grade(Connection& c, const std::string& enrollment_id, double score) {
  DL_TRY(
      c.execute(sql::kUpsertGrade, {new_uuid_v7(), enrollment_id, score, format_rfc3339(now())}));
  return {};
}

Result<std::optional<CourseGrade>> GradeRepository::grade_of(Connection& c,
                                                             const std::string& enrollment_id) {
  return sql::kGradeTable.first(c, sql::kSelectGradeOf, {enrollment_id});
}

Result<Page<CourseGrade>> GradeRepository::grades_of_course(Connection& c,
                                                            const std::string& course_id,
                                                            const PageRequest& page) {
  return query_page(c, sql::kListGradesOfCourse, {course_id}, page, sql::kGradeRow.reader(),
                    [](const CourseGrade& g) { return g.user_id; });
}

Result<Page<RankingEntry>> GradeRepository::ranking(Connection& c, const std::string& course_id,
                                                    const PageRequest& page) {
  const std::int64_t offset = offset_of(page.after);
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kRanking, {course_id, page.limit + 1, offset}));
  std::vector<RankingEntry> items;
  items.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    items.push_back({offset + static_cast<std::int64_t>(i) + 1, r.text(0), r.text(1), r.text(2),
                     r.text(3), r.real(4), r.optional_text(5), r.text(6)});
  }
  return make_page(std::move(items), page.limit,
                   [](const RankingEntry& e) { return std::to_string(e.rank); });
}

}  // namespace deltalabs::assessment
