#include "assessment/submission_handlers.h"

#include "assessment/assessment_json.h"
#include "assessment/grading_rules.h"
#include "core/uuid.h"
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

BodySchema answer_body() {
  return BodySchema{
      field::uuid("question_id").required(),
      field::array("selected", field::integer("index").range(0, 19), 20)
          .describe("choice questions: 0-based indexes of the chosen options"),
      field::string("number", 64).describe("numeric questions: the value as decimal text"),
      field::string("text", 10000).describe("short and free text questions")};
}

BodySchema submit_body() {
  return BodySchema{field::array("answers", field::object("answer", answer_body()), 100)
                        .required()
                        .describe("one entry per answered question; the others earn 0")};
}

BodySchema grading_body() {
  return BodySchema{
      field::array(
          "points",
          field::object("grade", BodySchema{field::uuid("question_id").required(),
                                            field::integer("points").range(0, 1000).required()}),
          100)
          .required()
          .describe("points for free-text answers, 0..the question's points"),
      field::string("feedback", 5000)};
}

Result<std::vector<Answer>> answers_of(const boost::json::object& body) {
  std::vector<Answer> out;
  std::vector<FieldError> errors;
  const auto& answers = body.at("answers").as_array();
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const auto& a = answers[i].as_object();
    Answer answer;
    answer.question_id = http::required_string(a, "question_id");
    if (const auto* sel = a.if_contains("selected"); sel != nullptr && sel->is_array()) {
      for (const auto& v : sel->get_array())
        if (v.is_int64()) answer.selected.push_back(v.get_int64());
    }
    if (const auto number = http::optional_string(a, "number")) {
      answer.number = GradingRules::parse_decimal(*number);
      if (!answer.number)
        errors.push_back({"answers[" + std::to_string(i) + "].number", "must be a decimal number"});
    }
    answer.text = http::optional_string(a, "text");
    out.push_back(std::move(answer));
  }
  if (!errors.empty()) return Error::invalid("The answers are not valid.", std::move(errors));
  return out;
}

std::vector<ManualPoints> points_of(const boost::json::object& body) {
  std::vector<ManualPoints> out;
  for (const auto& p : body.at("points").as_array()) {
    const auto& o = p.as_object();
    out.push_back({http::required_string(o, "question_id"),
                   static_cast<double>(http::optional_int(o, "points").value_or(0))});
  }
  return out;
}

}  // namespace

void register_submission_routes(http::Router& router, SubmissionService& submissions,
                                const CursorCodec& cursors) {
  router.add({.method = Method::kPost,
              .path = "/v1/courses/:id/exercises/:eid/submit",
              .handler = [&submissions](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(auto answers, answers_of(req.json.as_object()));
                DL_ASSIGN_OR_RETURN(
                    Submission s,
                    submissions.submit(req.caller(), http::path_param(req),
                                       http::path_param(req, "eid"), std::move(answers)));
                return Response::json(201, submission_shape().render(s))
                    .header("Location", "/v1/submissions/" + s.id);
              },
              .summary = "Submit an attempt (enrolled members only): objective questions are "
                         "scored at once, free text waits for a grader; 409 ATTEMPTS_EXHAUSTED "
                         "past attempts_allowed, EXERCISE_CLOSED past the due date; a retry "
                         "with the same Idempotency-Key replays the first answer and uses no "
                         "attempt",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(submit_body()),
              .responses = {201, 403, 404, 409},
              .returns = http::schema::ref(submission_shape()),
              .idempotency = http::Idempotency::kOptional});

  router.add({.method = Method::kGet,
              .path = "/v1/courses/:id/exercises/:eid/submissions",
              .handler = [&submissions, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                auto user_id = req.query("user_id");
                if (user_id && !is_uuid(*user_id)) {
                  return Error::invalid("The query is not valid.", {{"user_id", "must be a UUID"}});
                }
                DL_ASSIGN_OR_RETURN(auto result,
                                    submissions.list(req.caller(), http::path_param(req),
                                                     http::path_param(req, "eid"), user_id, page));
                return http::page_response(result, submission_shape(), cursors);
              },
              .summary = "Submissions of an exercise, oldest first: a learner's own; the "
                         "course's graders see everyone's (user_id narrows to one learner)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query({{"user_id", "string", "one learner's (graders only)"}}),
              .responses = {200, 403, 404},
              .returns = http::schema::page_of(submission_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/submissions/:id",
              .handler = [&submissions](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Submission s,
                                    submissions.get(req.caller(), http::path_param(req)));
                return Response::json(200, submission_shape().render(s));
              },
              .summary = "One submission: its learner's (correct answers once the exercise is "
                         "due) or, for the course's graders, any",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 404},
              .returns = http::schema::ref(submission_shape())});

  router.add({.method = Method::kPatch,
              .path = "/v1/submissions/:id",
              .handler = [&submissions](Request& req) -> Result<Response> {
                const auto& body = req.json.as_object();
                DL_ASSIGN_OR_RETURN(
                    Submission s,
                    submissions.grade(req.caller(), http::path_param(req), points_of(body),
                                      http::optional_string(body, "feedback")));
                return Response::json(200, submission_shape().render(s));
              },
              .summary = "Grade the free-text answers of a submission (the course's graders); "
                         "graded once every free-text answer has points, which updates the "
                         "grade item and course grade",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(grading_body()),
              .responses = {200, 403, 404},
              .returns = http::schema::ref(submission_shape())});
}

}  // namespace deltalabs::assessment
