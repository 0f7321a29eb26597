#include "learning/roadmap_handlers.h"

#include "core/uuid.h"
#include "http/json_fields.h"
#include "http/path_param.h"
#include "learning/learning_json.h"
#include "learning/step_progress_body.h"

namespace deltalabs::learning {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Learning";

BodySchema milestone_body() {
  return BodySchema{
      field::string("title", 200).length(1, 200).required(), field::string("description", 5000),
      field::uuid("section_id").describe("the course section this milestone covers"),
      field::boolean("is_required").describe("counts toward completion; true by default")};
}

RoadmapSectionInput milestone_input(const boost::json::object& body) {
  return {http::required_string(body, "title"),
          http::optional_string(body, "description").value_or(""),
          canonical_optional_id(http::optional_string(body, "section_id")),
          http::optional_bool(body, "is_required").value_or(true)};
}

}  // namespace

void register_roadmap_routes(http::Router& router, RoadmapService& roadmaps) {
  router.add({.method = Method::kGet,
              .path = "/v1/courses/:id/roadmap",
              .handler = [&roadmaps](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Roadmap r, roadmaps.get(req.caller(), http::path_param(req)));
                return Response::json(200, roadmap_shape().render(r));
              },
              .summary = "The course's learning path; with the caller's progress when enrolled",
              .tag = kTag,
              .access = Access::kOptionalAuth,
              .responses = {200, 404},
              .returns = http::schema::ref(roadmap_shape())});

  router.add({.method = Method::kPatch,
              .path = "/v1/courses/:id/roadmap",
              .handler = [&roadmaps](Request& req) -> Result<Response> {
                const auto& body = req.json.as_object();
                DL_ASSIGN_OR_RETURN(
                    Roadmap r, roadmaps.update_progress(
                                   req.caller(), http::path_param(req),
                                   canonical_id(http::required_string(body, "roadmap_section_id")),
                                   http::required_string(body, "status")));
                return Response::json(200, roadmap_shape().render(r));
              },
              .summary = "Record the enrolled learner's progress on a milestone; forward only",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(
                  step_progress_body("roadmap_section_id", "a milestone of the course")),
              .responses = {200, 403, 404},
              .returns = http::schema::ref(roadmap_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/courses/:id/roadmap/sections",
              .handler = [&roadmaps](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(RoadmapSection s,
                                    roadmaps.add_section(req.caller(), http::path_param(req),
                                                         milestone_input(req.json.as_object())));
                return Response::json(201, roadmap_section_shape().render(s))
                    .header("Location", "/v1/courses/" + s.course_id + "/roadmap");
              },
              .summary = "Append a milestone to the course's learning path (its editors)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "courses:update",
              .body = http::json_body(milestone_body()),
              .responses = {201, 403, 404},
              .returns = http::schema::ref(roadmap_section_shape())});
}

}  // namespace deltalabs::learning
