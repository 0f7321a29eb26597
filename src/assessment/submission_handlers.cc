#include "assessment/submission_handlers.h"

#include "assessment/assessment_shapes.h"
#include "assessment/grading_rules.h"
#include "core/uuid.h"
#include "http/path_param.h"
#include "http/route_group.h"

namespace deltalabs::assessment {

namespace {

// One answer of a submission body; its number is checked by answers_of.
struct AnswerBody {
  std::string question_id;
  std::vector<std::int64_t> selected;
  std::optional<std::string> number;
  std::optional<std::string> text;
};

// What POST .../submit reads.
struct SubmitBody {
  std::vector<AnswerBody> answers;
};

// One grade of a free-text answer.
struct PointsBody {
  std::string question_id;
  std::int64_t points = 0;
};

// What PATCH /v1/submissions/:id reads.
struct GradingBody {
  std::vector<PointsBody> points;
  std::optional<std::string> feedback;

  std::vector<ManualPoints> manual_points() const {
    std::vector<ManualPoints> out;
    for (const auto& p : points) out.push_back({p.question_id, static_cast<double>(p.points)});
    return out;
  }
};

BodySchema answer_body() {
  return BodySchema{field::uuid("question_id").required().into(&AnswerBody::question_id),
                    field::array("selected", field::integer("index").range(0, 19), 20)
                        .describe("choice questions: 0-based indexes of the chosen options")
                        .into(&AnswerBody::selected),
                    field::string("number", 64)
                        .describe("numeric questions: the value as decimal text")
                        .into(&AnswerBody::number),
                    field::string("text", 10000)
                        .describe("short and free text questions")
                        .into(&AnswerBody::text)};
}

const BodySchema& submit_body() {
  static const BodySchema schema{
      field::array("answers", field::object("answer", answer_body()), 100)
          .required()
          .describe("one entry per answered question; the others earn 0")
          .into(&SubmitBody::answers)};
  return schema;
}

const BodySchema& grading_body() {
  static const BodySchema schema{
      field::array(
          "points",
          field::object(
              "grade",
              BodySchema{
                  field::uuid("question_id").required().into(&PointsBody::question_id),
                  field::integer("points").range(0, 1000).required().into(&PointsBody::points)}),
          100)
          .required()
          .describe("points for free-text answers, 0..the question's points")
          .into(&GradingBody::points),
      field::string("feedback", 5000).into(&GradingBody::feedback)};
  return schema;
}

Result<std::vector<Answer>> answers_of(SubmitBody body) {
  std::vector<Answer> out;
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < body.answers.size(); ++i) {
    AnswerBody& a = body.answers[i];
    Answer answer;
    answer.question_id = std::move(a.question_id);
    answer.selected = std::move(a.selected);
    if (a.number) {
      answer.number = GradingRules::parse_decimal(*a.number);
      if (!answer.number)
        errors.push_back({"answers[" + std::to_string(i) + "].number", "must be a decimal number"});
    }
    answer.text = std::move(a.text);
    out.push_back(std::move(answer));
  }
  if (!errors.empty()) return Error::invalid("The answers are not valid.", std::move(errors));
  return out;
}

}  // namespace

void register_submission_routes(http::Router& router, SubmissionService& submissions,
                                const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Assessment");
  g.create(
      {.path = "/v1/courses/:id/exercises/:eid/submit",
       .summary = "Submit an attempt (enrolled members only): objective questions are scored "
                  "at once, free text waits for a grader; 409 ATTEMPTS_EXHAUSTED past "
                  "attempts_allowed, EXERCISE_CLOSED past the due date; a retry with the same "
                  "Idempotency-Key replays the first answer and uses no attempt",
       .body = http::json_body(submit_body()),
       .responses = {201, 403, 404, 409},
       .idempotency = http::Idempotency::kOptional},
      submission_shape(),
      [&submissions](http::Request& req) -> Result<Submission> {
        DL_ASSIGN_OR_RETURN(auto answers, answers_of(http::body_as<SubmitBody>(req)));
        return submissions.submit(req.caller(), http::path_param(req), http::path_param(req, "eid"),
                                  std::move(answers));
      },
      "/v1/submissions/");

  g.list({.path = "/v1/courses/:id/exercises/:eid/submissions",
          .summary = "Submissions of an exercise, oldest first: a learner's own; the course's "
                     "graders see everyone's (user_id narrows to one learner)",
          .query = {{"user_id", "string", "one learner's (graders only)"}},
          .responses = {200, 403, 404}},
         submission_shape(),
         [&submissions](http::Request& req, const PageRequest& page) -> Result<Page<Submission>> {
           auto user_id = req.query("user_id");
           if (user_id && !is_uuid(*user_id)) {
             return Error::invalid("The query is not valid.", {{"user_id", "must be a UUID"}});
           }
           return submissions.list(req.caller(), http::path_param(req),
                                   http::path_param(req, "eid"), user_id, page);
         });

  g.get({.path = "/v1/submissions/:id",
         .summary = "One submission: its learner's (correct answers once the exercise is "
                    "due) or, for the course's graders, any",
         .responses = {200, 404}},
        submission_shape(), http::call(submissions, &SubmissionService::get, http::id));

  g.patch({.path = "/v1/submissions/:id",
           .summary = "Grade the free-text answers of a submission (the course's graders); "
                      "graded once every free-text answer has points, which updates the "
                      "grade item and course grade",
           .body = http::json_body(grading_body()),
           .responses = {200, 403, 404}},
          submission_shape(), [&submissions](http::Request& req) {
            const auto in = http::body_as<GradingBody>(req);
            return submissions.grade(req.caller(), http::path_param(req), in.manual_points(),
                                     in.feedback);
          });
}

}  // namespace deltalabs::assessment
