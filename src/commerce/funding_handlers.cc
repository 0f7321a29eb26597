#include "commerce/funding_handlers.h"

#include "commerce/commerce_json.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/path_param.h"

namespace deltalabs::commerce {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Commerce";

BodySchema coupon_body() {
  return BodySchema{
      field::string("code", 40).length(3, 40).required().describe("stored upper-case"),
      field::string("kind").one_of({"percent", "amount"}).required(),
      field::integer("percent_off").range(1, 100).describe("for kind percent"),
      field::object("amount_off",
                    BodySchema{field::integer("amount_minor").range(1, 1000000000).required(),
                               field::string("currency", 3).length(3, 3).required()})
          .describe("for kind amount"),
      field::integer("max_redemptions").range(1, 100000000),
      field::integer("per_user_limit").range(1, 1000).describe("default 1"),
      field::timestamp("valid_from"),
      field::timestamp("valid_until")};
}

Coupon coupon_input(const boost::json::object& body) {
  Coupon c;
  c.code = http::required_string(body, "code");
  c.kind = http::required_string(body, "kind");
  c.percent_off = http::optional_int(body, "percent_off");
  if (const auto* amount = body.if_contains("amount_off"); amount && amount->is_object()) {
    c.amount_off_minor = http::optional_int(amount->as_object(), "amount_minor");
    c.currency = http::optional_string(amount->as_object(), "currency");
  }
  c.max_redemptions = http::optional_int(body, "max_redemptions");
  c.per_user_limit = http::optional_int(body, "per_user_limit").value_or(1);
  c.valid_from = http::optional_string(body, "valid_from");
  c.valid_until = http::optional_string(body, "valid_until");
  return c;
}

void register_coupon_routes(http::Router& router, CouponService& coupons,
                            const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/coupons",
              .handler = [&coupons, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result, coupons.list(req.caller(), page));
                return http::page_response(result, coupon_shape(), cursors);
              },
              .summary = "Coupons, newest first, with their redemption counts",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "coupons:manage",
              .query = http::page_query(),
              .responses = {200},
              .returns = http::schema::page_of(coupon_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/coupons",
              .handler = [&coupons](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(
                    Coupon c, coupons.create(req.caller(), coupon_input(req.json.as_object())));
                return Response::json(201, coupon_shape().render(c));
              },
              .summary = "Create a coupon (percent or amount off, redemption cap, per-user "
                         "limit, validity window)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "coupons:manage",
              .body = http::json_body(coupon_body()),
              .responses = {201, 409},
              .returns = http::schema::ref(coupon_shape())});
}

void register_sponsor_routes(http::Router& router, SponsorshipService& sponsorships,
                             const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/sponsors",
              .handler = [&sponsorships, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result, sponsorships.sponsors(req.caller(), page));
                return http::page_response(result, sponsor_shape(), cursors);
              },
              .summary = "Sponsors who fund learners, newest first",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .responses = {200},
              .returns = http::schema::page_of(sponsor_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/sponsors",
              .handler = [&sponsorships](Request& req) -> Result<Response> {
                const auto& body = req.json.as_object();
                Sponsor in;
                in.name = http::required_string(body, "name");
                in.kind = http::required_string(body, "kind");
                in.organization_id = http::optional_string(body, "organization_id");
                in.contact_email = http::optional_string(body, "contact_email");
                DL_ASSIGN_OR_RETURN(Sponsor s, sponsorships.create_sponsor(req.caller(), in));
                return Response::json(201, sponsor_shape().render(s));
              },
              .summary = "Register a sponsor; I become the manager who decides its requests",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(
                  BodySchema{field::string("name", 200).length(1, 200).required(),
                             field::string("kind").one_of({"organization", "person"}).required(),
                             field::uuid("organization_id"), field::email("contact_email")}),
              .responses = {201},
              .returns = http::schema::ref(sponsor_shape())});
}

void register_request_routes(http::Router& router, SponsorshipService& sponsorships,
                             const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/sponsorship-requests",
              .handler = [&sponsorships, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result, sponsorships.requests(req.caller(), page));
                return http::page_response(result, sponsorship_request_shape(), cursors);
              },
              .summary = "Sponsorship requests I made or decide, newest first",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .responses = {200},
              .returns = http::schema::page_of(sponsorship_request_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/sponsorship-requests",
              .handler = [&sponsorships](Request& req) -> Result<Response> {
                const auto& body = req.json.as_object();
                SponsorshipRequestInput in{http::required_string(body, "sponsor_id"),
                                           http::required_string(body, "course_id"),
                                           http::optional_string(body, "message").value_or("")};
                DL_ASSIGN_OR_RETURN(SponsorshipRequest r, sponsorships.ask(req.caller(), in));
                return Response::json(201, sponsorship_request_shape().render(r));
              },
              .summary = "Ask a sponsor to cover a paid course",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(BodySchema{field::uuid("sponsor_id").required(),
                                                 field::uuid("course_id").required(),
                                                 field::string("message", 2000)}),
              .responses = {201, 404, 409},
              .returns = http::schema::ref(sponsorship_request_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/sponsorship-requests/:id",
              .handler = [&sponsorships](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(SponsorshipRequest r,
                                    sponsorships.request(req.caller(), http::path_param(req)));
                return Response::json(200, sponsorship_request_shape().render(r));
              },
              .summary = "A sponsorship request (its learner or the sponsor's manager)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 404},
              .returns = http::schema::ref(sponsorship_request_shape())});

  for (const char* action : {"approve", "reject"}) {
    const bool approve = std::string(action) == "approve";
    router.add({.method = Method::kPost,
                .path = std::string("/v1/sponsorship-requests/:id/") + action,
                .handler = [&sponsorships, approve](Request& req) -> Result<Response> {
                  const std::string id = http::path_param(req);
                  DL_ASSIGN_OR_RETURN(SponsorshipRequest r,
                                      approve ? sponsorships.approve(req.caller(), id)
                                              : sponsorships.reject(req.caller(), id));
                  return Response::json(200, sponsorship_request_shape().render(r));
                },
                .summary = approve ? "Approve (the sponsor's manager): a zero-cost paid order and "
                                     "the enrollment, in one transaction"
                                   : "Reject (the sponsor's manager)",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .responses = {200, 403, 404, 409},
                .returns = http::schema::ref(sponsorship_request_shape()),
                .idempotency = http::Idempotency::kOptional});
  }
}

void register_aid_routes(http::Router& router, AidService& aid, const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/financial-aid",
              .handler = [&aid, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result, aid.list(req.caller(), page));
                return http::page_response(result, aid_shape(), cursors);
              },
              .summary = "My financial aid applications (every one with financial_aid:review)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .responses = {200},
              .returns = http::schema::page_of(aid_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/financial-aid",
              .handler = [&aid](Request& req) -> Result<Response> {
                const auto& body = req.json.as_object();
                DL_ASSIGN_OR_RETURN(
                    AidApplication a,
                    aid.apply(req.caller(), http::required_string(body, "course_id"),
                              http::optional_string(body, "statement").value_or("")));
                return Response::json(201, aid_shape().render(a));
              },
              .summary = "Apply for financial aid on a paid course",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(BodySchema{field::uuid("course_id").required(),
                                                 field::string("statement", 5000)}),
              .responses = {201, 404, 409},
              .returns = http::schema::ref(aid_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/financial-aid/:id",
              .handler = [&aid](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(AidApplication a, aid.get(req.caller(), http::path_param(req)));
                return Response::json(200, aid_shape().render(a));
              },
              .summary = "One financial aid application (its applicant or a reviewer)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 404},
              .returns = http::schema::ref(aid_shape())});

  router.add({.method = Method::kPatch,
              .path = "/v1/financial-aid/:id",
              .handler = [&aid](Request& req) -> Result<Response> {
                const auto& body = req.json.as_object();
                DL_ASSIGN_OR_RETURN(AidApplication a,
                                    aid.review(req.caller(), http::path_param(req),
                                               http::required_string(body, "status"),
                                               http::optional_int(body, "discount_percent")));
                return Response::json(200, aid_shape().render(a));
              },
              .summary = "Review an application: approve with a discount percent, or reject",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "financial_aid:review",
              .body = http::json_body(
                  BodySchema{field::string("status").one_of({"approved", "rejected"}).required(),
                             field::integer("discount_percent").range(1, 100)}),
              .responses = {200, 404, 409},
              .returns = http::schema::ref(aid_shape())});
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
