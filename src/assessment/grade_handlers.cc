#include "assessment/grade_handlers.h"

#include "assessment/assessment_shapes.h"
#include "http/path_param.h"
#include "http/route_group.h"

namespace deltalabs::assessment {

namespace {

// What PATCH /v1/grade-items/:id reads.
struct OverrideBody {
  std::int64_t score = 0;
  std::string reason;
};

const BodySchema& override_body() {
  static const BodySchema schema{field::integer("score")
                                     .range(0, 100000)
                                     .required()
                                     .describe("0..the item's max_score")
                                     .into(&OverrideBody::score),
                                 field::string("reason", 2000)
                                     .length(1, 2000)
                                     .required()
                                     .describe("kept in the history")
                                     .into(&OverrideBody::reason)};
  return schema;
}

}  // namespace

void register_grade_routes(http::Router& router, GradeService& grades, const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Assessment");
  g.list({.path = "/v1/courses/:id/grades",
          .summary = "Course grades (weighted course score and grade items): a learner "
                     "sees their own (none before their first graded submission); the "
                     "course's graders see every learner's, by user id",
          .responses = {200, 403, 404}},
         course_grade_shape(), http::call(grades, &GradeService::course_grades, http::id));

  g.get({.path = "/v1/grade-items/:id",
         .summary = "One grade item with its history (who changed it, when, why): its "
                    "learner's or, for the course's graders, any",
         .responses = {200, 404}},
        grade_item_detail_shape(), http::call(grades, &GradeService::item, http::id));

  g.patch({.path = "/v1/grade-items/:id",
           .summary = "Override a grade item (the course's graders): kept in its history "
                      "with who, when and why; the course score is recomputed and the "
                      "learner notified in the same transaction",
           .body = http::json_body(override_body()),
           .responses = {200, 403, 404}},
          grade_item_detail_shape(), [&grades](http::Request& req) {
            const auto in = http::body_as<OverrideBody>(req);
            return grades.override_item(req.caller(), http::path_param(req),
                                        static_cast<double>(in.score), in.reason);
          });

  g.list({.path = "/v1/courses/:id/ranking",
          .summary = "Leaderboard of the course's enrolled students by course score; "
                     "ties go to who completed the course first, then to who reached "
                     "the score first (members and graders)",
          .responses = {200, 403, 404}},
         ranking_entry_shape(), http::call(grades, &GradeService::ranking, http::id));
}

}  // namespace deltalabs::assessment
