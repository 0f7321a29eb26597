#include "commerce/sponsorship_service.h"

#include <boost/json.hpp>

#include "commerce/commerce_sql.h"
#include "commerce/fundable_course.h"
#include "commerce/funding_repository.h"
#include "commerce/order_fulfilment.h"
#include "commerce/order_repository.h"
#include "commerce/status_transitions.h"
#include "core/clock.h"
#include "core/uuid.h"
#include "platform/notification_log.h"

namespace deltalabs::commerce {

namespace {

Status notify(Connection& c, const SponsorshipRequest& r) {
  const std::string payload = boost::json::serialize(boost::json::object{
      {"sponsorship_request_id", r.id}, {"course_id", r.course_id}, {"status", r.status}});
  DL_TRY(NotificationLog::record(c, r.user_id, "sponsorship." + r.status, payload));
  return {};
}

// The sponsored order: the course at its price, all of it discounted, paid
// by the sponsor (payment method sponsored), with the enrollment.
Status sponsored_order(Connection& c, const SponsorshipRequest& r, const catalog::Course& course) {
  OrderRow row{r.user_id,
               course.price.currency,
               course.price.amount_minor,
               course.price.amount_minor,
               0,
               "offline",
               std::nullopt,
               r.id,
               std::nullopt};
  DL_ASSIGN_OR_RETURN(std::string order_id, OrderRepository::insert(c, row));
  OrderItem item{"",
                 order_id,
                 "course",
                 course.id,
                 course.title,
                 1,
                 course.price.amount_minor,
                 course.price.amount_minor,
                 0,
                 std::nullopt,
                 std::nullopt,
                 false};
  DL_TRY(OrderRepository::insert_item(c, order_id, item));
  DL_TRY(OrderRepository::insert_payment(c, order_id, row, "sponsored"));
  DL_ASSIGN_OR_RETURN(Order order, OrderRepository::find(c, order_id));
  return OrderFulfilment::settle(c, order, "sponsorship", std::nullopt);
}

}  // namespace

Result<Page<Sponsor>> SponsorshipService::sponsors(const Actor&, const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return sql::kSponsorTable.page(*conn, sql::kListSponsors, {}, page);
}

Result<Sponsor> SponsorshipService::create_sponsor(const Actor& actor, const Sponsor& input) {
  return db_.transaction([&](Connection& c) -> Result<Sponsor> {
    const std::string id = new_uuid_v7();
    return sql::kSponsorTable.insert(c, sql::kInsertSponsor,
                                     {id, input.name, input.kind, input.organization_id,
                                      actor.user_id, input.contact_email, format_rfc3339(now())},
                                     id);
  });
}

Result<Page<SponsorshipRequest>> SponsorshipService::requests(const Actor& actor,
                                                              const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return sql::kRequestTable.page(*conn, sql::kListRequests, {actor.user_id}, page);
}

Result<SponsorshipRequest> SponsorshipService::request(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(SponsorshipRequest r, sql::kRequestTable.find(*conn, canonical_id(id)));
  if (r.user_id == actor.user_id) return r;
  DL_ASSIGN_OR_RETURN(Sponsor s, sql::kSponsorTable.find(*conn, r.sponsor_id));
  if (s.manager_id != actor.user_id) return Error::not_found("sponsorship request");
  return r;
}

Result<SponsorshipRequest> SponsorshipService::ask(const Actor& actor,
                                                   const SponsorshipRequestInput& input) {
  return db_.transaction([&](Connection& c) -> Result<SponsorshipRequest> {
    DL_ASSIGN_OR_RETURN(Sponsor sponsor,
                        sql::kSponsorTable.find(c, canonical_id(input.sponsor_id)));
    DL_ASSIGN_OR_RETURN(catalog::Course course,
                        fundable_course(c, courses_, actor, input.course_id));
    SponsorshipRequest r;
    r.sponsor_id = sponsor.id;
    r.user_id = actor.user_id;
    r.course_id = course.id;
    r.message = input.message;
    DL_ASSIGN_OR_RETURN(std::string id, FundingRepository::insert_request(c, r));
    return sql::kRequestTable.find(c, id);
  });
}

Result<SponsorshipRequest> SponsorshipService::approve(const Actor& actor, const std::string& id) {
  auto done = db_.transaction([&](Connection& c) -> Result<SponsorshipRequest> {
    return decide(c, actor, id, "approved");
  });
  return durable_.after(std::move(done));
}

Result<SponsorshipRequest> SponsorshipService::reject(const Actor& actor, const std::string& id) {
  return db_.transaction([&](Connection& c) -> Result<SponsorshipRequest> {
    return decide(c, actor, id, "rejected");
  });
}

Result<SponsorshipRequest> SponsorshipService::decide(Connection& c, const Actor& actor,
                                                      const std::string& raw_id,
                                                      const std::string& status) {
  const std::string id = canonical_id(raw_id);
  DL_ASSIGN_OR_RETURN(SponsorshipRequest r, sql::kRequestTable.find(c, id));
  DL_ASSIGN_OR_RETURN(Sponsor s, sql::kSponsorTable.find(c, r.sponsor_id));
  if (s.manager_id != actor.user_id) {
    if (r.user_id == actor.user_id)
      return Error::forbidden("Only the sponsor's manager decides this request.");
    return Error::not_found("sponsorship request");
  }
  DL_TRY(StatusTransitions::require("sponsorship_request", r.status, status,
                                    "SPONSORSHIP_ALREADY_DECIDED"));
  DL_ASSIGN_OR_RETURN(bool decided,
                      FundingRepository::decide_request(c, id, status, actor.user_id));
  if (!decided)
    return Error::conflict("SPONSORSHIP_ALREADY_DECIDED", "The request was decided meanwhile.");
  if (status == "approved") {
    Actor learner;
    learner.user_id = r.user_id;
    DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.visible(c, learner, r.course_id));
    DL_TRY(sponsored_order(c, r, course));
  }
  DL_ASSIGN_OR_RETURN(SponsorshipRequest after, sql::kRequestTable.find(c, id));
  DL_TRY(notify(c, after));
  return after;
}

}  // namespace deltalabs::commerce
