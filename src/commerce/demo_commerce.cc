#include "commerce/demo_commerce.h"

namespace deltalabs::commerce {

namespace {

Actor as(const std::string& user_id) {
  Actor actor;
  actor.user_id = user_id;
  actor.request_id = "seed-demo";
  return actor;
}

// Puts the courses in the buyer's cart and checks it out (offline).
Result<Order> buy(CommerceModule& m, const Actor& buyer, const std::vector<std::string>& courses,
                  const std::string& key) {
  for (const auto& id : courses) DL_TRY(m.carts().add(buyer, {"course", id, 1}));
  CheckoutInput in;
  in.checkout_key = key;
  return m.checkout().checkout(buyer, in);
}

Status orders(CommerceModule& m, const Actor& admin, const std::vector<Actor>& l,
              const std::vector<std::string>& paid) {
  DL_ASSIGN_OR_RETURN(Order first, buy(m, l[0], {paid[0]}, "demo-order-1"));
  DL_TRY(m.orders().mark_paid(admin, first.id));
  DL_ASSIGN_OR_RETURN(Order second, buy(m, l[1], {paid[0], paid[1]}, "demo-order-2"));
  DL_ASSIGN_OR_RETURN(second, m.orders().mark_paid(admin, second.id));
  RefundInput refund;
  refund.item_ids = {second.items.back().id};
  refund.reason = "Bought by mistake";
  DL_TRY(m.orders().refund(l[1], second.id, refund));
  DL_TRY(m.carts().add(l[0], {"course", paid[1], 1}));  // an open cart
  return {};
}

Status funding(CommerceModule& m, const Actor& admin, const std::vector<Actor>& l,
               const std::vector<std::string>& paid) {
  Coupon welcome;
  welcome.code = "WELCOME10";
  welcome.kind = "percent";
  welcome.percent_off = 10;
  welcome.max_redemptions = 100;
  DL_TRY(m.coupons().create(admin, welcome));
  Sponsor acme;
  acme.name = "Acme Learning Fund";
  acme.kind = "organization";
  acme.contact_email = "grants@acme.example";
  DL_ASSIGN_OR_RETURN(Sponsor sponsor, m.sponsorships().create_sponsor(admin, acme));
  // The last demo learner gains no enrollment here: DemoEngagement finds its
  // community through that learner's newest enrollment.
  DL_ASSIGN_OR_RETURN(SponsorshipRequest granted,
                      m.sponsorships().ask(l[1], {sponsor.id, paid[2], "My employer agreed."}));
  DL_TRY(m.sponsorships().approve(admin, granted.id));
  DL_TRY(m.sponsorships().ask(l[0], {sponsor.id, paid[2], "Could you cover this one too?"}));
  DL_TRY(m.aid().apply(l[2], paid[0], "I am between jobs and would like to keep learning."));
  return {};
}

}  // namespace

Status DemoCommerce::load(catalog::CourseService& courses, CommerceModule& commerce,
                          const DemoBuyers& buyers) {
  const Actor admin = as(buyers.admin);
  std::vector<Actor> learners;
  for (const auto& id : buyers.learners) learners.push_back(as(id));
  DL_ASSIGN_OR_RETURN(auto mine, commerce.orders().list_mine(learners[0], PageRequest{1, ""}));
  if (!mine.items.empty()) return {};
  catalog::CourseQuery query;
  query.free = false;
  DL_ASSIGN_OR_RETURN(auto page, courses.list(query, PageRequest{10, ""}));
  std::vector<std::string> paid;
  for (const auto& c : page.items) {
    if (c.status == "published" && c.price.amount_minor > 0) paid.push_back(c.id);
  }
  if (paid.size() < 3)
    return Error::conflict("DEMO_NOT_LOADED",
                           "The demo catalog has fewer than three paid courses.");
  DL_TRY(orders(commerce, admin, learners, paid));
  return funding(commerce, admin, learners, paid);
}

}  // namespace deltalabs::commerce
