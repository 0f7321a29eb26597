#include "assessment/appeal_repository.h"

#include "assessment/assessment_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::assessment {

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
  return sql::kAppealTable.find(c, id);
}

Result<Page<Appeal>> AppealRepository::list(Connection& c, const std::string& course_id,
                                            const AppealFilter& filter, const PageRequest& page) {
  return sql::kAppealTable.page(c, sql::kListAppeals, {course_id, filter.user_id, filter.status},
                                page);
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
