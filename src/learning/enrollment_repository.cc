#include "learning/enrollment_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "learning/learning_sql.h"

namespace deltalabs::learning {

namespace {

Result<bool> changed_one(Result<std::int64_t> changed) {
  if (!changed.ok()) return std::move(changed).error();
  return *changed > 0;
}

}  // namespace

Result<Enrollment> EnrollmentRepository::find(Connection& c, const std::string& id) {
  return sql::kEnrollmentTable.find(c, id);
}

Result<std::optional<Enrollment>> EnrollmentRepository::find_of(Connection& c,
                                                                const std::string& user_id,
                                                                const std::string& course_id) {
  return sql::kEnrollmentTable.first(c, sql::kSelectEnrollmentOf, {user_id, course_id});
}

Result<Page<Enrollment>> EnrollmentRepository::list_of_user(
    Connection& c, const std::string& user_id, const std::optional<std::string>& status,
    const PageRequest& page) {
  return sql::kEnrollmentTable.page(c, sql::kListEnrollmentsOfUser, {user_id, status.value_or("")},
                                    page);
}

Result<std::string> EnrollmentRepository::insert(Connection& c, const EnrollmentRow& row) {
  const std::string id = new_uuid_v7();
  auto inserted = c.execute(sql::kInsertEnrollment,
                            {id, row.user_id, row.course_id, row.member_role, row.source,
                             row.super_course_id, format_rfc3339(now()), row.order_id});
  if (!inserted.ok()) {
    if (inserted.error().code == storage_code::kUniqueViolation)
      return Error::conflict("ALREADY_ENROLLED", "You are already enrolled in this course.");
    return std::move(inserted).error();
  }
  return id;
}

Result<bool> EnrollmentRepository::reactivate(Connection& c, const std::string& id,
                                              const EnrollmentRow& row) {
  return changed_one(c.execute(
      sql::kReactivateEnrollment,
      {id, row.member_role, row.source, row.super_course_id, format_rfc3339(now()), row.order_id}));
}

Result<bool> EnrollmentRepository::cancel(Connection& c, const std::string& id) {
  return changed_one(c.execute(sql::kCancelEnrollment, {id, format_rfc3339(now())}));
}

Result<bool> EnrollmentRepository::complete(Connection& c, const std::string& id) {
  return changed_one(c.execute(sql::kCompleteEnrollment, {id, format_rfc3339(now())}));
}

Result<std::vector<ItemProgress>> EnrollmentRepository::item_progress(
    Connection& c, const std::string& enrollment_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kListItemProgress, {enrollment_id}));
  std::vector<ItemProgress> items;
  items.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    items.push_back({r.text(0), r.text(1), r.text(2), r.optional_text(3)});
  }
  return items;
}

Status EnrollmentRepository::lock(Connection& c, const std::string& id) {
  DL_TRY(c.execute(sql::kTouchEnrollment, {id, format_rfc3339(now())}));
  return {};
}

Result<bool> EnrollmentRepository::is_member(Connection& c, const std::string& user_id,
                                             const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kIsMember, {user_id, course_id}));
  return rows[0].integer(0) > 0;
}

Result<Page<CourseMember>> EnrollmentRepository::members(Connection& c,
                                                         const std::string& course_id,
                                                         const PageRequest& page) {
  return query_page(c, sql::kListMembers, {course_id}, page, sql::kCourseMemberRow.reader(),
                    [](const CourseMember& m) { return m.user_id; });
}

ProgressLedger::Statements EnrollmentRepository::item_progress() {
  return {sql::kSelectItemProgressStatus, sql::kInsertItemProgress, sql::kCompleteItemProgress};
}

Result<bool> EnrollmentRepository::user_exists(Connection& c, const std::string& user_id) {
  if (!is_uuid(user_id)) return false;
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kUserExists, {user_id}));
  return rows[0].integer(0) > 0;
}

}  // namespace deltalabs::learning
