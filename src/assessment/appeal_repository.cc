#include "assessment/appeal_repository.h"

#include "assessment/assessment_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::assessment {

namespace {

Appeal appeal_from(const Row& r) {
  Appeal a;
  a.id = r.text(0);
  a.grade_item_id = r.text(1);
  a.user_id = r.text(2);
  a.course_id = r.text(3);
  a.exercise_id = r.text(4);
  a.reason = r.text(5);
  a.status = r.text(6);
  if (!r.is_null(7)) a.new_score = r.real(7);
  a.resolved_by = r.optional_text(8);
  a.resolution_note = r.optional_text(9);
  a.created_at = r.text(10);
  a.resolved_at = r.optional_text(11);
  return a;
}

}  // namespace

Result<std::string> AppealRepository::insert(Connection& c, const std::string& grade_item_id,
                                             const std::string& user_id,
                                             const std::string& reason) {
  const std::string id = new_uuid_v7();
  auto inserted =
      c.execute(sql::kInsertAppeal, {id, grade_item_id, user_id, reason, format_rfc3339(now())});
  if (!inserted.ok()) {
    if (inserted.error().code == storage_code::kUniqueViolation) {
      return Error::conflict("APPEAL_ALREADY_OPEN",
                             "This grade already has an open appeal; wait for its outcome.");
    }
    return std::move(inserted).error();
  }
  return id;
}

Result<Appeal> AppealRepository::find(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("appeal");
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectAppeal, {id}));
  if (rows.empty()) return Error::not_found("appeal");
  return appeal_from(rows[0]);
}

Result<Page<Appeal>> AppealRepository::list(Connection& c, const std::string& course_id,
                                            const AppealFilter& filter, const PageRequest& page) {
  return query_page(c, sql::kListAppeals, {course_id, filter.user_id, filter.status}, page,
                    appeal_from);
}

Result<bool> AppealRepository::resolve(Connection& c, const std::string& id,
                                       const AppealResolution& resolution,
                                       const std::string& resolver) {
  DL_ASSIGN_OR_RETURN(
      std::int64_t changed,
      c.execute(sql::kResolveAppeal, {id, resolution.status, resolution.score, resolver,
                                      resolution.note, format_rfc3339(now())}));
  return changed > 0;
}

}  // namespace deltalabs::assessment
