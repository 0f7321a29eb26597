#include "commerce/funding_repository.h"

#include "commerce/commerce_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::commerce {

namespace {

Sponsor sponsor_from(const Row& r) { return sql::kSponsorRow.read(r); }

SponsorshipRequest request_from(const Row& r) { return sql::kRequestRow.read(r); }

AidApplication aid_from(const Row& r) { return sql::kAidRow.read(r); }

Result<std::string> insert_unique(Connection& c, const char* statement, Params params,
                                  const char* code, const char* message) {
  auto inserted = c.execute(statement, params);
  if (!inserted.ok()) {
    if (inserted.error().code == storage_code::kUniqueViolation)
      return Error::conflict(code, message);
    return std::move(inserted).error();
  }
  return std::string();
}

}  // namespace

Result<Sponsor> FundingRepository::sponsor(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("sponsor");
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectSponsor, {id}));
  if (rows.empty()) return Error::not_found("sponsor");
  return sponsor_from(rows[0]);
}

Result<Page<Sponsor>> FundingRepository::sponsors(Connection& c, const PageRequest& page) {
  return query_page(c, sql::kListSponsors, {}, page, sponsor_from);
}

Result<Sponsor> FundingRepository::insert_sponsor(Connection& c, const Sponsor& s) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertSponsor, {id, s.name, s.kind, s.organization_id, s.manager_id,
                                         s.contact_email, format_rfc3339(now())}));
  return sponsor(c, id);
}

Result<SponsorshipRequest> FundingRepository::request(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("sponsorship request");
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectRequest, {id}));
  if (rows.empty()) return Error::not_found("sponsorship request");
  return request_from(rows[0]);
}

Result<Page<SponsorshipRequest>> FundingRepository::requests(Connection& c,
                                                             const std::string& user_id,
                                                             const PageRequest& page) {
  return query_page(c, sql::kListRequests, {user_id}, page, request_from);
}

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

Result<AidApplication> FundingRepository::aid(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("financial aid");
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectAid, {id}));
  if (rows.empty()) return Error::not_found("financial aid");
  return aid_from(rows[0]);
}

Result<std::optional<AidApplication>> FundingRepository::usable_aid(Connection& c,
                                                                    const std::string& user_id,
                                                                    const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectUsableAid, {user_id, course_id}));
  if (rows.empty()) return std::optional<AidApplication>{};
  return std::optional<AidApplication>{aid_from(rows[0])};
}

Result<Page<AidApplication>> FundingRepository::aid_list(Connection& c, const std::string& user_id,
                                                         const PageRequest& page) {
  return query_page(c, sql::kListAid, {user_id}, page, aid_from);
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
