#include "commerce/aid_service.h"

#include <boost/json.hpp>

#include "commerce/commerce_sql.h"
#include "commerce/fundable_course.h"
#include "commerce/funding_repository.h"
#include "commerce/status_transitions.h"
#include "core/uuid.h"
#include "platform/notification_log.h"

namespace deltalabs::commerce {

namespace {

constexpr const char* kReview = "financial_aid:review";

}  // namespace

Result<Page<AidApplication>> AidService::list(const Actor& actor, const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(bool reviewer, authz_.allows(actor, kReview));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return sql::kAidTable.page(*conn, sql::kListAid, {reviewer ? std::string() : actor.user_id},
                             page);
}

Result<AidApplication> AidService::get(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(AidApplication a, sql::kAidTable.find(*conn, canonical_id(id)));
  if (a.user_id == actor.user_id) return a;
  DL_ASSIGN_OR_RETURN(bool reviewer, authz_.allows(actor, kReview));
  if (!reviewer) return Error::not_found("financial aid");
  return a;
}

Result<AidApplication> AidService::apply(const Actor& actor, const std::string& course_id,
                                         const std::string& statement) {
  return db_.transaction([&](Connection& c) -> Result<AidApplication> {
    DL_ASSIGN_OR_RETURN(catalog::Course course, fundable_course(c, courses_, actor, course_id));
    AidApplication a;
    a.user_id = actor.user_id;
    a.course_id = course.id;
    a.statement = statement;
    DL_ASSIGN_OR_RETURN(std::string id, FundingRepository::insert_aid(c, a));
    return sql::kAidTable.find(c, id);
  });
}

Result<AidApplication> AidService::review(const Actor& actor, const std::string& raw_id,
                                          const std::string& status,
                                          std::optional<std::int64_t> percent) {
  DL_TRY(authz_.require(actor, kReview));
  if ((status == "approved") != percent.has_value()) {
    return Error::invalid("The request body is not valid.",
                          {{"discount_percent", "is required to approve and absent to reject"}});
  }
  const std::string id = canonical_id(raw_id);
  return db_.transaction([&](Connection& c) -> Result<AidApplication> {
    DL_ASSIGN_OR_RETURN(AidApplication a, sql::kAidTable.find(c, id));
    DL_TRY(StatusTransitions::require("financial_aid", a.status, status,
                                      "FINANCIAL_AID_ALREADY_DECIDED"));
    DL_ASSIGN_OR_RETURN(bool done,
                        FundingRepository::review_aid(c, id, status, percent, actor.user_id));
    if (!done) return Error::conflict("FINANCIAL_AID_ALREADY_DECIDED", "It was decided meanwhile.");
    DL_ASSIGN_OR_RETURN(AidApplication after, sql::kAidTable.find(c, id));
    const std::string payload = boost::json::serialize(boost::json::object{
        {"financial_aid_id", id}, {"course_id", a.course_id}, {"status", status}});
    DL_TRY(NotificationLog::record(c, a.user_id, "financial_aid." + status, payload));
    return after;
  });
}

}  // namespace deltalabs::commerce
