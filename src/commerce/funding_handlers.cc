#include "commerce/funding_handlers.h"

#include "commerce/commerce_shapes.h"
#include "http/path_param.h"
#include "http/route_group.h"

namespace deltalabs::commerce {

namespace {

// What POST /v1/financial-aid reads.
struct AidApplicationBody {
  std::string course_id;
  std::string statement;
};

// What PATCH /v1/financial-aid/:id reads.
struct AidReviewBody {
  std::string status;
  std::optional<std::int64_t> discount_percent;
};

const BodySchema& coupon_body() {
  static const BodySchema schema{
      field::string("code", 40)
          .length(3, 40)
          .required()
          .describe("stored upper-case")
          .into(&Coupon::code),
      field::string("kind").one_of({"percent", "amount"}).required().into(&Coupon::kind),
      field::integer("percent_off")
          .range(1, 100)
          .describe("for kind percent")
          .into(&Coupon::percent_off),
      field::object(
          "amount_off",
          BodySchema{field::integer("amount_minor")
                         .range(1, 1000000000)
                         .required()
                         .into(&Coupon::amount_off_minor),
                     field::string("currency", 3).length(3, 3).required().into(&Coupon::currency)})
          .describe("for kind amount"),
      field::integer("max_redemptions").range(1, 100000000).into(&Coupon::max_redemptions),
      field::integer("per_user_limit")
          .range(1, 1000)
          .describe("default 1")
          .into(&Coupon::per_user_limit),
      field::timestamp("valid_from").into(&Coupon::valid_from),
      field::timestamp("valid_until").into(&Coupon::valid_until)};
  return schema;
}

const BodySchema& sponsor_body() {
  static const BodySchema schema{
      field::string("name", 200).length(1, 200).required().into(&Sponsor::name),
      field::string("kind").one_of({"organization", "person"}).required().into(&Sponsor::kind),
      field::uuid("organization_id").into(&Sponsor::organization_id),
      field::email("contact_email").into(&Sponsor::contact_email)};
  return schema;
}

const BodySchema& sponsorship_request_body() {
  static const BodySchema schema{
      field::uuid("sponsor_id").required().into(&SponsorshipRequestInput::sponsor_id),
      field::uuid("course_id").required().into(&SponsorshipRequestInput::course_id),
      field::string("message", 2000).into(&SponsorshipRequestInput::message)};
  return schema;
}

const BodySchema& aid_application_body() {
  static const BodySchema schema{
      field::uuid("course_id").required().into(&AidApplicationBody::course_id),
      field::string("statement", 5000).into(&AidApplicationBody::statement)};
  return schema;
}

const BodySchema& aid_review_body() {
  static const BodySchema schema{
      field::string("status")
          .one_of({"approved", "rejected"})
          .required()
          .into(&AidReviewBody::status),
      field::integer("discount_percent").range(1, 100).into(&AidReviewBody::discount_percent)};
  return schema;
}

void register_coupon_routes(http::Router& router, CouponService& coupons,
                            const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Commerce");
  g.list({.path = "/v1/coupons",
          .summary = "Coupons, newest first, with their redemption counts",
          .permission = "coupons:manage"},
         coupon_shape(), http::call(coupons, &CouponService::list));

  g.post({.path = "/v1/coupons",
          .summary = "Create a coupon (percent or amount off, redemption cap, per-user "
                     "limit, validity window)",
          .permission = "coupons:manage",
          .body = http::json_body(coupon_body()),
          .responses = {201, 409}},
         coupon_shape(), http::call(coupons, &CouponService::create, http::body_as<Coupon>));
}

void register_sponsor_routes(http::Router& router, SponsorshipService& sponsorships,
                             const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Commerce");
  g.list({.path = "/v1/sponsors", .summary = "Sponsors who fund learners, newest first"},
         sponsor_shape(), http::call(sponsorships, &SponsorshipService::sponsors));

  g.post({.path = "/v1/sponsors",
          .summary = "Register a sponsor; I become the manager who decides its requests",
          .body = http::json_body(sponsor_body()),
          .responses = {201}},
         sponsor_shape(),
         http::call(sponsorships, &SponsorshipService::create_sponsor, http::body_as<Sponsor>));
}

void register_request_routes(http::Router& router, SponsorshipService& sponsorships,
                             const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Commerce");
  g.list({.path = "/v1/sponsorship-requests",
          .summary = "Sponsorship requests I made or decide, newest first"},
         sponsorship_request_shape(), http::call(sponsorships, &SponsorshipService::requests));

  g.post(
      {.path = "/v1/sponsorship-requests",
       .summary = "Ask a sponsor to cover a paid course",
       .body = http::json_body(sponsorship_request_body()),
       .responses = {201, 404, 409}},
      sponsorship_request_shape(),
      http::call(sponsorships, &SponsorshipService::ask, http::body_as<SponsorshipRequestInput>));

  g.get({.path = "/v1/sponsorship-requests/:id",
         .summary = "A sponsorship request (its learner or the sponsor's manager)",
         .responses = {200, 404}},
        sponsorship_request_shape(),
        http::call(sponsorships, &SponsorshipService::request, http::id));

  g.post({.path = "/v1/sponsorship-requests/:id/approve",
          .summary = "Approve (the sponsor's manager): a zero-cost paid order and the "
                     "enrollment, in one transaction",
          .responses = {200, 403, 404, 409},
          .idempotency = http::Idempotency::kOptional},
         sponsorship_request_shape(),
         http::call(sponsorships, &SponsorshipService::approve, http::id));

  g.post({.path = "/v1/sponsorship-requests/:id/reject",
          .summary = "Reject (the sponsor's manager)",
          .responses = {200, 403, 404, 409},
          .idempotency = http::Idempotency::kOptional},
         sponsorship_request_shape(),
         http::call(sponsorships, &SponsorshipService::reject, http::id));
}

void register_aid_routes(http::Router& router, AidService& aid, const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Commerce");
  g.list({.path = "/v1/financial-aid",
          .summary = "My financial aid applications (every one with financial_aid:review)"},
         aid_shape(), http::call(aid, &AidService::list));

  g.post({.path = "/v1/financial-aid",
          .summary = "Apply for financial aid on a paid course",
          .body = http::json_body(aid_application_body()),
          .responses = {201, 404, 409}},
         aid_shape(), [&aid](http::Request& req) {
           const auto in = http::body_as<AidApplicationBody>(req);
           return aid.apply(req.caller(), in.course_id, in.statement);
         });

  g.get({.path = "/v1/financial-aid/:id",
         .summary = "One financial aid application (its applicant or a reviewer)",
         .responses = {200, 404}},
        aid_shape(), http::call(aid, &AidService::get, http::id));

  g.patch({.path = "/v1/financial-aid/:id",
           .summary = "Review an application: approve with a discount percent, or reject",
           .permission = "financial_aid:review",
           .body = http::json_body(aid_review_body()),
           .responses = {200, 404, 409}},
          aid_shape(), [&aid](http::Request& req) {
            const auto in = http::body_as<AidReviewBody>(req);
            return aid.review(req.caller(), http::path_param(req), in.status, in.discount_percent);
          });
}

}  // namespace

void register_funding_routes(http::Router& router, CouponService& coupons,
                             SponsorshipService& sponsorships, AidService& aid,
                             const CursorCodec& cursors) {
  register_coupon_routes(router, coupons, cursors);
  register_sponsor_routes(router, sponsorships, cursors);
  register_request_routes(router, sponsorships, cursors);
  register_aid_routes(router, aid, cursors);
}

}  // namespace deltalabs::commerce
