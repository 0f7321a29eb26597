#include "learning/roadmap_handlers.h"

#include "core/uuid.h"
#include "http/path_param.h"
#include "http/route_group.h"
#include "learning/learning_shapes.h"
#include "learning/step_progress_body.h"

namespace deltalabs::learning {

namespace {

const BodySchema& milestone_body() {
  static const BodySchema schema{
      field::string("title", 200).length(1, 200).required().into(&RoadmapSectionInput::title),
      field::string("description", 5000).into(&RoadmapSectionInput::description),
      field::uuid("section_id")
          .describe("the course section this milestone covers")
          .into(&RoadmapSectionInput::section_id),
      field::boolean("is_required")
          .describe("counts toward completion; true by default")
          .into(&RoadmapSectionInput::is_required)};
  return schema;
}

const BodySchema& milestone_progress_body() {
  static const BodySchema schema =
      step_progress_body("roadmap_section_id", "a milestone of the course");
  return schema;
}

}  // namespace

void register_roadmap_routes(http::Router& router, RoadmapService& roadmaps) {
  const http::RouteGroup g(router, "Learning");
  g.get({.path = "/v1/courses/:id/roadmap",
         .summary = "The course's learning path; with the caller's progress when enrolled",
         .access = http::Access::kOptionalAuth,
         .responses = {200, 404}},
        roadmap_shape(), http::call(roadmaps, &RoadmapService::get, http::id));

  g.patch({.path = "/v1/courses/:id/roadmap",
           .summary = "Record the enrolled learner's progress on a milestone; forward only",
           .body = http::json_body(milestone_progress_body()),
           .responses = {200, 403, 404}},
          roadmap_shape(), [&roadmaps](http::Request& req) {
            const auto in = http::body_as<StepProgressInput>(req);
            return roadmaps.update_progress(req.caller(), http::path_param(req),
                                            canonical_id(in.step_id), in.status);
          });

  g.create(
      {.path = "/v1/courses/:id/roadmap/sections",
       .summary = "Append a milestone to the course's learning path (its editors)",
       .permission = "courses:update",
       .body = http::json_body(milestone_body()),
       .responses = {201, 403, 404}},
      roadmap_section_shape(),
      [&roadmaps](http::Request& req) {
        auto in = http::body_as<RoadmapSectionInput>(req);
        in.section_id = canonical_optional_id(in.section_id);
        return roadmaps.add_section(req.caller(), http::path_param(req), in);
      },
      [](const RoadmapSection& s) { return "/v1/courses/" + s.course_id + "/roadmap"; });
}

}  // namespace deltalabs::learning
