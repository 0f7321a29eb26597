#include "assessment/exercise_handlers.h"

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

BodySchema question_body() {
  return BodySchema{
      field::string("type", 20).one_of(GradingRules::question_types()).required(),
      field::string("prompt", 5000).length(1, 5000).required(),
      field::array("options", field::string("option", 500).length(1, 500), 20)
          .describe("the choices of a choice question, shown in this order"),
      field::integer("points").range(0, 1000).describe("1 by default"),
      field::array("correct_options", field::integer("index").range(0, 19), 20)
          .describe("0-based indexes of the correct options (exactly one for single_choice)"),
      field::string("numeric_answer", 64)
          .describe("the correct value of a numeric question, as decimal text, e.g. \"3.14\""),
      field::string("tolerance", 64)
          .describe("how far a numeric answer may be off, as decimal text; \"0\" by default"),
      field::array("accepted_answers", field::string("answer", 500).length(1, 500), 20)
          .describe("short-text answers counted right, compared without surrounding space, "
                    "case-insensitively and in Unicode NFC")};
}

BodySchema exercise_body() {
  return BodySchema{
      field::string("title", 200).length(1, 200).required(),
      field::string("description", 5000),
      field::uuid("section_id").describe("the course section the exercise belongs to"),
      field::integer("attempts_allowed").range(1, 100).describe("1 by default"),
      field::timestamp("due_at").nullable().describe("submissions close at this time"),
      field::integer("weight").range(1, 1000).describe("weight in the course score; 1 by default"),
      field::boolean("published").describe("learners see published exercises only"),
      field::array("questions", field::object("question", question_body()), 100).required()};
}

BodySchema exercise_change_body() {
  return BodySchema{field::string("title", 200).length(1, 200), field::string("description", 5000),
                    field::integer("attempts_allowed").range(1, 100),
                    field::timestamp("due_at").nullable(), field::boolean("published")};
}

// A decimal text member read into `out`; a problem appended when it is not a number.
void decimal(const boost::json::object& body, std::string_view key, const std::string& path,
             std::optional<double>& out, std::vector<FieldError>& errors) {
  const auto text = http::optional_string(body, key);
  if (!text) return;
  out = GradingRules::parse_decimal(*text);
  if (!out) errors.push_back({path + "." + std::string(key), "must be a decimal number"});
}

std::vector<std::int64_t> integers(const boost::json::object& body, std::string_view key) {
  std::vector<std::int64_t> out;
  if (const auto* v = body.if_contains(key); v != nullptr && v->is_array()) {
    for (const auto& i : v->get_array())
      if (i.is_int64()) out.push_back(i.get_int64());
  }
  return out;
}

Result<ExerciseInput> exercise_input(const boost::json::object& body) {
  ExerciseInput in;
  in.title = http::required_string(body, "title");
  in.description = http::optional_string(body, "description").value_or("");
  in.section_id = http::optional_string(body, "section_id");
  in.attempts_allowed = http::optional_int(body, "attempts_allowed").value_or(1);
  in.due_at = http::optional_string(body, "due_at");
  in.weight = http::optional_int(body, "weight").value_or(1);
  in.published = http::optional_bool(body, "published").value_or(false);
  std::vector<FieldError> errors;
  const auto& questions = body.at("questions").as_array();
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const auto& q = questions[i].as_object();
    const std::string path = "questions[" + std::to_string(i) + "]";
    QuestionInput qi;
    qi.type = http::required_string(q, "type");
    qi.prompt = http::required_string(q, "prompt");
    qi.options = http::optional_strings(q, "options").value_or(std::vector<std::string>{});
    qi.points = http::optional_int(q, "points").value_or(1);
    qi.key.correct_options = integers(q, "correct_options");
    qi.key.accepted_answers =
        http::optional_strings(q, "accepted_answers").value_or(std::vector<std::string>{});
    decimal(q, "numeric_answer", path, qi.key.numeric_answer, errors);
    decimal(q, "tolerance", path, qi.key.tolerance, errors);
    if (qi.key.tolerance && *qi.key.tolerance < 0)
      errors.push_back({path + ".tolerance", "must not be negative"});
    in.questions.push_back(std::move(qi));
  }
  if (!errors.empty()) return Error::invalid("The exercise is not valid.", std::move(errors));
  return in;
}

ExerciseChange exercise_change(const boost::json::object& body) {
  ExerciseChange change;
  change.title = http::optional_string(body, "title");
  change.description = http::optional_string(body, "description");
  change.attempts_allowed = http::optional_int(body, "attempts_allowed");
  change.due_at_set = http::has_field(body, "due_at");
  change.due_at = http::optional_string(body, "due_at");
  change.published = http::optional_bool(body, "published");
  return change;
}

}  // namespace

void register_exercise_routes(http::Router& router, ExerciseService& exercises,
                              const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/courses/:id/exercises",
              .handler = [&exercises, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result,
                                    exercises.list(req.caller(), http::path_param(req), page));
                return http::page_response(result, exercise_shape(), cursors);
              },
              .summary = "Exercises of a course, oldest first: members see published ones "
                         "without answer keys; the course's graders see all, with keys",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .responses = {200, 403, 404},
              .returns = http::schema::page_of(exercise_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/courses/:id/exercises",
              .handler = [&exercises](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(ExerciseInput input, exercise_input(req.json.as_object()));
                DL_ASSIGN_OR_RETURN(Exercise x,
                                    exercises.create(req.caller(), http::path_param(req), input));
                return Response::json(201, exercise_shape().render(x))
                    .header("Location", "/v1/courses/" + x.course_id + "/exercises/" + x.id);
              },
              .summary = "Create an exercise with its questions (the course's instructors); "
                         "question types single_choice, multiple_choice, numeric (with "
                         "tolerance), short_text and free_text (graded by hand)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(exercise_body()),
              .responses = {201, 403, 404},
              .returns = http::schema::ref(exercise_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/courses/:id/exercises/:eid",
              .handler = [&exercises](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Exercise x, exercises.get(req.caller(), http::path_param(req),
                                                              http::path_param(req, "eid")));
                return Response::json(200, exercise_shape().render(x));
              },
              .summary = "One exercise; answer keys only for the course's graders",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 403, 404},
              .returns = http::schema::ref(exercise_shape())});

  router.add({.method = Method::kPatch,
              .path = "/v1/courses/:id/exercises/:eid",
              .handler = [&exercises](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Exercise x,
                                    exercises.update(req.caller(), http::path_param(req),
                                                     http::path_param(req, "eid"),
                                                     exercise_change(req.json.as_object())));
                return Response::json(200, exercise_shape().render(x));
              },
              .summary = "Change an exercise's settings (title, attempts, due date, published); "
                         "the course's instructors only",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(exercise_change_body()),
              .responses = {200, 403, 404},
              .returns = http::schema::ref(exercise_shape())});
}

}  // namespace deltalabs::assessment
