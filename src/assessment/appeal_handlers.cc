#include "assessment/appeal_handlers.h"

#include "assessment/assessment_json.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/path_param.h"

namespace deltalabs::assessment {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Assessment";

BodySchema appeal_body() {
  return BodySchema{field::string("reason", 2000).length(1, 2000).required()};
}

BodySchema resolution_body() {
  return BodySchema{
      field::string("status", 16).one_of({"accepted", "rejected"}).required(),
      field::integer("score").range(0, 100000).describe("the new score; required to accept"),
      field::string("note", 2000).describe("told to the learner")};
}

AppealResolution resolution_of(const boost::json::object& body) {
  const auto score = http::optional_int(body, "score");
  return {http::required_string(body, "status"),
          score ? std::optional<double>(static_cast<double>(*score)) : std::nullopt,
          http::optional_string(body, "note")};
}

Result<std::optional<std::string>> status_filter(const Request& req) {
  auto status = req.query("status");
  if (!status || *status == "open" || *status == "accepted" || *status == "rejected") return status;
  return Error::invalid("The query is not valid.",
                        {{"status", "must be one of open, accepted, rejected"}});
}

}  // namespace

void register_appeal_routes(http::Router& router, AppealService& appeals,
                            const CursorCodec& cursors) {
  router.add({.method = Method::kPost,
              .path = "/v1/grade-items/:id/appeals",
              .handler = [&appeals](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(
                    Appeal a, appeals.open(req.caller(), http::path_param(req),
                                           http::required_string(req.json.as_object(), "reason")));
                return Response::json(201, appeal_shape().render(a))
                    .header("Location", "/v1/appeals/" + a.id);
              },
              .summary = "Appeal a grade item (its learner), with a reason; one open appeal per "
                         "item (409 APPEAL_ALREADY_OPEN)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(appeal_body()),
              .responses = {201, 403, 404, 409},
              .returns = http::schema::ref(appeal_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/appeals/:id",
              .handler = [&appeals](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Appeal a, appeals.get(req.caller(), http::path_param(req)));
                return Response::json(200, appeal_shape().render(a));
              },
              .summary = "One appeal: its learner's or, for the course's graders, any",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 404},
              .returns = http::schema::ref(appeal_shape())});

  router.add({.method = Method::kPatch,
              .path = "/v1/appeals/:id",
              .handler = [&appeals](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Appeal a, appeals.resolve(req.caller(), http::path_param(req),
                                                              resolution_of(req.json.as_object())));
                return Response::json(200, appeal_shape().render(a));
              },
              .summary = "Resolve an appeal (the course's graders): accepted with a new score — "
                         "grade item, history and course score change in the same transaction — "
                         "or rejected; the learner is notified either way; 409 "
                         "APPEAL_ALREADY_RESOLVED",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(resolution_body()),
              .responses = {200, 403, 404, 409},
              .returns = http::schema::ref(appeal_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/courses/:id/appeals",
              .handler = [&appeals, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto status, status_filter(req));
                DL_ASSIGN_OR_RETURN(
                    auto result, appeals.list(req.caller(), http::path_param(req), status, page));
                return http::page_response(result, appeal_shape(), cursors);
              },
              .summary = "Appeals of a course, oldest first: a learner's own; the course's "
                         "graders see all",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query({{.name = "status",
                                          .description = "open, accepted or rejected",
                                          .allowed = {"open", "accepted", "rejected"}}}),
              .responses = {200, 403, 404},
              .returns = http::schema::page_of(appeal_shape())});
}

}  // namespace deltalabs::assessment
