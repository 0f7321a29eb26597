#include "assessment/exercise_handlers.h"

#include "assessment/assessment_shapes.h"
#include "assessment/grading_rules.h"
#include "core/uuid.h"
#include "http/path_param.h"
#include "http/route_group.h"

namespace deltalabs::assessment {

namespace {

// One question of an exercise body; input() checks its decimals.
struct QuestionBody {
  std::string type;
  std::string prompt;
  std::vector<std::string> options;
  std::int64_t points = 1;
  std::vector<std::int64_t> correct_options;
  std::optional<std::string> numeric_answer;
  std::optional<std::string> tolerance;
  std::vector<std::string> accepted_answers;
};

// What POST /v1/courses/:id/exercises reads.
using ExerciseBody = NewExercise<QuestionBody>;

// What PATCH /v1/courses/:id/exercises/:eid reads.
struct ExerciseChangeBody {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::int64_t> attempts_allowed;
  std::optional<std::optional<std::string>> due_at;  // sent, possibly null
  std::optional<bool> published;

  ExerciseChange change() const {
    return {.title = title,
            .description = description,
            .attempts_allowed = attempts_allowed,
            .due_at_set = due_at.has_value(),
            .due_at = due_at.value_or(std::nullopt),
            .published = published};
  }
};

BodySchema question_body() {
  return BodySchema{
      field::string("type", 20)
          .one_of(GradingRules::question_types())
          .required()
          .into(&QuestionBody::type),
      field::string("prompt", 5000).length(1, 5000).required().into(&QuestionBody::prompt),
      field::array("options", field::string("option", 500).length(1, 500), 20)
          .describe("the choices of a choice question, shown in this order")
          .into(&QuestionBody::options),
      field::integer("points").range(0, 1000).describe("1 by default").into(&QuestionBody::points),
      field::array("correct_options", field::integer("index").range(0, 19), 20)
          .describe("0-based indexes of the correct options (exactly one for single_choice)")
          .into(&QuestionBody::correct_options),
      field::string("numeric_answer", 64)
          .describe("the correct value of a numeric question, as decimal text, e.g. \"3.14\"")
          .into(&QuestionBody::numeric_answer),
      field::string("tolerance", 64)
          .describe("how far a numeric answer may be off, as decimal text; \"0\" by default")
          .into(&QuestionBody::tolerance),
      field::array("accepted_answers", field::string("answer", 500).length(1, 500), 20)
          .describe("short-text answers counted right, compared without surrounding space, "
                    "case-insensitively and in Unicode NFC")
          .into(&QuestionBody::accepted_answers)};
}

const BodySchema& exercise_body() {
  static const BodySchema schema{
      field::string("title", 200).length(1, 200).required().into(&ExerciseBody::title),
      field::string("description", 5000).into(&ExerciseBody::description),
      field::uuid("section_id")
          .describe("the course section the exercise belongs to")
          .into(&ExerciseBody::section_id),
      field::integer("attempts_allowed")
          .range(1, 100)
          .describe("1 by default")
          .into(&ExerciseBody::attempts_allowed),
      field::timestamp("due_at")
          .nullable()
          .describe("submissions close at this time")
          .into(&ExerciseBody::due_at),
      field::integer("weight")
          .range(1, 1000)
          .describe("weight in the course score; 1 by default")
          .into(&ExerciseBody::weight),
      field::boolean("published")
          .describe("learners see published exercises only")
          .into(&ExerciseBody::published),
      field::array("questions", field::object("question", question_body()), 100)
          .required()
          .into(&ExerciseBody::questions)};
  return schema;
}

const BodySchema& exercise_change_body() {
  static const BodySchema schema{
      field::string("title", 200).length(1, 200).into(&ExerciseChangeBody::title),
      field::string("description", 5000).into(&ExerciseChangeBody::description),
      field::integer("attempts_allowed").range(1, 100).into(&ExerciseChangeBody::attempts_allowed),
      field::timestamp("due_at").nullable().into(&ExerciseChangeBody::due_at),
      field::boolean("published").into(&ExerciseChangeBody::published)};
  return schema;
}

// A decimal text read into `out`; a problem appended when it is not a number.
void decimal(const std::optional<std::string>& text, const std::string& path,
             std::optional<double>& out, std::vector<FieldError>& errors) {
  if (!text) return;
  out = GradingRules::parse_decimal(*text);
  if (!out) errors.push_back({path, "must be a decimal number"});
}

Result<ExerciseInput> exercise_input(ExerciseBody body) {
  ExerciseInput in;
  in.title = std::move(body.title);
  in.description = std::move(body.description);
  in.section_id = std::move(body.section_id);
  in.attempts_allowed = body.attempts_allowed;
  in.due_at = std::move(body.due_at);
  in.weight = body.weight;
  in.published = body.published;
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < body.questions.size(); ++i) {
    QuestionBody& q = body.questions[i];
    const std::string path = "questions[" + std::to_string(i) + "]";
    QuestionInput qi;
    qi.type = std::move(q.type);
    qi.prompt = std::move(q.prompt);
    qi.options = std::move(q.options);
    qi.points = q.points;
    qi.key.correct_options = std::move(q.correct_options);
    qi.key.accepted_answers = std::move(q.accepted_answers);
    decimal(q.numeric_answer, path + ".numeric_answer", qi.key.numeric_answer, errors);
    decimal(q.tolerance, path + ".tolerance", qi.key.tolerance, errors);
    if (qi.key.tolerance && *qi.key.tolerance < 0)
      errors.push_back({path + ".tolerance", "must not be negative"});
    in.questions.push_back(std::move(qi));
  }
  if (!errors.empty()) return Error::invalid("The exercise is not valid.", std::move(errors));
  return in;
}

}  // namespace

void register_exercise_routes(http::Router& router, ExerciseService& exercises,
                              const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Assessment");
  g.list({.path = "/v1/courses/:id/exercises",
          .summary = "Exercises of a course, oldest first: members see published ones "
                     "without answer keys; the course's graders see all, with keys",
          .responses = {200, 403, 404}},
         exercise_shape(), http::call(exercises, &ExerciseService::list, http::id));

  g.create(
      {.path = "/v1/courses/:id/exercises",
       .summary = "Create an exercise with its questions (the course's instructors); question "
                  "types single_choice, multiple_choice, numeric (with tolerance), short_text "
                  "and free_text (graded by hand)",
       .body = http::json_body(exercise_body()),
       .responses = {201, 403, 404}},
      exercise_shape(),
      [&exercises](http::Request& req) -> Result<Exercise> {
        DL_ASSIGN_OR_RETURN(ExerciseInput input, exercise_input(http::body_as<ExerciseBody>(req)));
        return exercises.create(req.caller(), http::path_param(req), input);
      },
      [](const Exercise& x) { return "/v1/courses/" + x.course_id + "/exercises/" + x.id; });

  g.get({.path = "/v1/courses/:id/exercises/:eid",
         .summary = "One exercise; answer keys only for the course's graders",
         .responses = {200, 403, 404}},
        exercise_shape(),
        http::call(exercises, &ExerciseService::get, http::id, http::PathParam{"eid"}));

  g.patch({.path = "/v1/courses/:id/exercises/:eid",
           .summary = "Change an exercise's settings (title, attempts, due date, "
                      "published); the course's instructors only",
           .body = http::json_body(exercise_change_body()),
           .responses = {200, 403, 404}},
          exercise_shape(),
          http::call(exercises, &ExerciseService::update, http::id, http::PathParam{"eid"},
                     http::body_field(&ExerciseChangeBody::change)));
}

}  // namespace deltalabs::assessment
