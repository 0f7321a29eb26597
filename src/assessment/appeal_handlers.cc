#include "assessment/appeal_handlers.h"

#include "assessment/assessment_shapes.h"
#include "http/path_param.h"
#include "http/route_group.h"

namespace deltalabs::assessment {

namespace {

// What POST /v1/grade-items/:id/appeals reads.
struct AppealBody {
  std::string reason;
};

// What PATCH /v1/appeals/:id reads.
struct ResolutionBody {
  std::string status;
  std::optional<std::int64_t> score;
  std::optional<std::string> note;

  AppealResolution resolution() const {
    return {status, score ? std::optional<double>(static_cast<double>(*score)) : std::nullopt,
            note};
  }
};

const BodySchema& appeal_body() {
  static const BodySchema schema{
      field::string("reason", 2000).length(1, 2000).required().into(&AppealBody::reason)};
  return schema;
}

const BodySchema& resolution_body() {
  static const BodySchema schema{
      field::string("status", 16)
          .one_of({"accepted", "rejected"})
          .required()
          .into(&ResolutionBody::status),
      field::integer("score")
          .range(0, 100000)
          .describe("the new score; required to accept")
          .into(&ResolutionBody::score),
      field::string("note", 2000).describe("told to the learner").into(&ResolutionBody::note)};
  return schema;
}

Result<std::optional<std::string>> status_filter(const http::Request& req) {
  auto status = req.query("status");
  if (!status || *status == "open" || *status == "accepted" || *status == "rejected") return status;
  return Error::invalid("The query is not valid.",
                        {{"status", "must be one of open, accepted, rejected"}});
}

}  // namespace

void register_appeal_routes(http::Router& router, AppealService& appeals,
                            const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Assessment");
  g.create(
      {.path = "/v1/grade-items/:id/appeals",
       .summary = "Appeal a grade item (its learner), with a reason; one open appeal per item "
                  "(409 APPEAL_ALREADY_OPEN)",
       .body = http::json_body(appeal_body()),
       .responses = {201, 403, 404, 409}},
      appeal_shape(),
      http::call(appeals, &AppealService::open, http::id, http::body_field(&AppealBody::reason)),
      "/v1/appeals/");

  g.get({.path = "/v1/appeals/:id",
         .summary = "One appeal: its learner's or, for the course's graders, any",
         .responses = {200, 404}},
        appeal_shape(), http::call(appeals, &AppealService::get, http::id));

  g.patch(
      {.path = "/v1/appeals/:id",
       .summary = "Resolve an appeal (the course's graders): accepted with a new score — grade "
                  "item, history and course score change in the same transaction — or rejected; "
                  "the learner is notified either way; 409 APPEAL_ALREADY_RESOLVED",
       .body = http::json_body(resolution_body()),
       .responses = {200, 403, 404, 409}},
      appeal_shape(),
      http::call(appeals, &AppealService::resolve, http::id,
                 http::body_field(&ResolutionBody::resolution)));

  g.list({.path = "/v1/courses/:id/appeals",
          .summary = "Appeals of a course, oldest first: a learner's own; the course's "
                     "graders see all",
          .query = {{.name = "status",
                     .description = "open, accepted or rejected",
                     .allowed = {"open", "accepted", "rejected"}}},
          .responses = {200, 403, 404}},
         appeal_shape(),
         [&appeals](http::Request& req, const PageRequest& page) -> Result<Page<Appeal>> {
           DL_ASSIGN_OR_RETURN(auto status, status_filter(req));
           return appeals.list(req.caller(), http::path_param(req), status, page);
         });
}

}  // namespace deltalabs::assessment
