#include "assessment/grade_handlers.h"

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

BodySchema override_body() {
  return BodySchema{
      field::integer("score").range(0, 100000).required().describe("0..the item's max_score"),
      field::string("reason", 2000).length(1, 2000).required().describe("kept in the history")};
}

}  // namespace

void register_grade_routes(http::Router& router, GradeService& grades, const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/courses/:id/grades",
              .handler = [&grades, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(
                    auto result, grades.course_grades(req.caller(), http::path_param(req), page));
                return http::page_response(result, course_grade_shape(), cursors);
              },
              .summary = "Course grades (weighted course score and grade items): a learner sees "
                         "their own (none before their first graded submission); the course's "
                         "graders see every learner's, by user id",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .responses = {200, 403, 404},
              .returns = http::schema::page_of(course_grade_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/grade-items/:id",
              .handler = [&grades](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(GradeItem g, grades.item(req.caller(), http::path_param(req)));
                return Response::json(200, grade_item_detail_shape().render(g));
              },
              .summary = "One grade item with its history (who changed it, when, why): its "
                         "learner's or, for the course's graders, any",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 404},
              .returns = http::schema::ref(grade_item_detail_shape())});

  router.add({.method = Method::kPatch,
              .path = "/v1/grade-items/:id",
              .handler = [&grades](Request& req) -> Result<Response> {
                const auto& body = req.json.as_object();
                DL_ASSIGN_OR_RETURN(
                    GradeItem g,
                    grades.override_item(req.caller(), http::path_param(req),
                                         static_cast<double>(*http::optional_int(body, "score")),
                                         http::required_string(body, "reason")));
                return Response::json(200, grade_item_detail_shape().render(g));
              },
              .summary = "Override a grade item (the course's graders): kept in its history with "
                         "who, when and why; the course score is recomputed and the learner "
                         "notified in the same transaction",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(override_body()),
              .responses = {200, 403, 404},
              .returns = http::schema::ref(grade_item_detail_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/courses/:id/ranking",
              .handler = [&grades, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result,
                                    grades.ranking(req.caller(), http::path_param(req), page));
                return http::page_response(result, ranking_entry_shape(), cursors);
              },
              .summary = "Leaderboard of the course's enrolled students by course score; ties go "
                         "to who completed the course first, then to who reached the score first "
                         "(members and graders)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .responses = {200, 403, 404},
              .returns = http::schema::page_of(ranking_entry_shape())});
}

}  // namespace deltalabs::assessment
