#include "commerce/funding_repository.h"

#include "commerce/commerce_sql.h"
#include "core/clock.h"
#include "core/uuid.h"
#include "platform/constraint_conflict.h"

namespace deltalabs::commerce {

namespace {

// 409 `code` when the insert breaks a "one open per ..." unique constraint.
Status insert_unique(Connection& c, const char* statement, const Params& params, const char* code,
                     const char* message) {
  DL_TRY(execute_or_conflict(c, statement, params, storage_code::kUniqueViolation,
                             Error::conflict(code, message)));
  return {};
}

}  // namespace

Result<std::string> FundingRepository::insert_request(Connection& c, const SponsorshipRequest& r) {
  const std::string id = new_uuid_v7();
  DL_TRY(insert_unique(c, sql::kInsertRequest,
                       {id, r.sponsor_id, r.user_id, r.course_id, r.message, format_rfc3339(now())},
                       "SPONSORSHIP_ALREADY_REQUESTED",
                       "You already have an open request to this sponsor for this course."));
  return id;
}

Result<bool> FundingRepository::decide_request(Connection& c, const std::string& id,
                                               const std::string& status, const std::string& by) {
  DL_ASSIGN_OR_RETURN(std::int64_t n,
                      c.execute(sql::kDecideRequest, {id, status, by, format_rfc3339(now())}));
  return n == 1;
}

Result<std::optional<AidApplication>> FundingRepository::usable_aid(Connection& c,
                                                                    const std::string& user_id,
                                                                    const std::string& course_id) {
  return sql::kAidTable.first(c, sql::kSelectUsableAid, {user_id, course_id});
}

Result<std::string> FundingRepository::insert_aid(Connection& c, const AidApplication& a) {
  const std::string id = new_uuid_v7();
  DL_TRY(insert_unique(
      c, sql::kInsertAid, {id, a.user_id, a.course_id, a.statement, format_rfc3339(now())},
      "FINANCIAL_AID_PENDING", "You already have an application for this course under review."));
  return id;
}

Result<bool> FundingRepository::review_aid(Connection& c, const std::string& id,
                                           const std::string& status,
                                           std::optional<std::int64_t> percent,
                                           const std::string& by) {
  DL_ASSIGN_OR_RETURN(std::int64_t n,
                      c.execute(sql::kReviewAid, {id, status, percent, by, format_rfc3339(now())}));
  return n == 1;
}

}  // namespace deltalabs::commerce
