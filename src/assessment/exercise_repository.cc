#include "assessment/exercise_repository.h"

#include <boost/json.hpp>

#include "assessment/assessment_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::assessment {

namespace {

std::string key_json(const AnswerKey& k) {
  boost::json::object out;
  if (!k.correct_options.empty())
    out["correct_options"] = boost::json::value_from(k.correct_options);
  if (k.numeric_answer) out["numeric_answer"] = *k.numeric_answer;
  if (!k.accepted_answers.empty())
    out["accepted_answers"] = boost::json::value_from(k.accepted_answers);
  return boost::json::serialize(out);
}

AnswerKey key_from(const std::string& text, std::optional<double> tolerance) {
  AnswerKey k;
  k.tolerance = tolerance;
  boost::system::error_code ec;
  const auto v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return k;
  const auto& o = v.get_object();
  if (const auto* opts = o.if_contains("correct_options"); opts && opts->is_array()) {
    for (const auto& i : opts->get_array())
      if (i.is_int64()) k.correct_options.push_back(i.get_int64());
  }
  if (const auto* n = o.if_contains("numeric_answer"); n && n->is_number())
    k.numeric_answer = n->to_number<double>();
  if (const auto* acc = o.if_contains("accepted_answers"); acc && acc->is_array()) {
    for (const auto& s : acc->get_array())
      if (s.is_string()) k.accepted_answers.emplace_back(s.get_string());
  }
  return k;
}

std::vector<std::string> strings_from(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  const auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& s : v.get_array())
    if (s.is_string()) out.emplace_back(s.get_string());
  return out;
}

Exercise exercise_from(const Row& r) { return sql::kExerciseRow.read(r); }

Status load_questions(Connection& c, Exercise& x) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectQuestions, {x.id}));
  x.questions.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    Question q;
    q.id = r.text(0);
    q.exercise_id = r.text(1);
    q.position = r.integer(2);
    q.type = r.text(3);
    q.prompt = r.text(4);
    q.options = strings_from(r.text(5));
    q.key = key_from(r.text(6), r.is_null(7) ? std::nullopt : std::optional<double>(r.real(7)));
    q.points = r.integer(8);
    x.questions.push_back(std::move(q));
  }
  return {};
}

Result<Exercise> one(Connection& c, Result<RowSet> rows) {
  if (!rows.ok()) return std::move(rows).error();
  if (rows->empty()) return Error::not_found("exercise");
  Exercise x = exercise_from((*rows)[0]);
  DL_TRY(load_questions(c, x));
  return x;
}

}  // namespace

Result<std::string> ExerciseRepository::insert(Connection& c, const std::string& course_id,
                                               const std::string& created_by,
                                               const ExerciseInput& input) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(
      sql::kInsertExercise,
      {id, course_id, input.section_id, input.title, input.description, input.attempts_allowed,
       input.due_at, input.weight, input.published, created_by, format_rfc3339(now())}));
  std::int64_t position = 0;
  for (const auto& q : input.questions) {
    const std::string options = boost::json::serialize(boost::json::value_from(q.options));
    DL_TRY(c.execute(sql::kInsertQuestion, {new_uuid_v7(), id, ++position, q.type, q.prompt,
                                            options, key_json(q.key), q.key.tolerance, q.points}));
  }
  return id;
}

Result<Exercise> ExerciseRepository::find(Connection& c, const std::string& course_id,
                                          const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("exercise");
  return one(c, c.query(sql::kSelectExercise, {id, course_id}));
}

Result<Exercise> ExerciseRepository::find_by_id(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("exercise");
  return one(c, c.query(sql::kSelectExerciseById, {id}));
}

Result<Page<Exercise>> ExerciseRepository::list(Connection& c, const std::string& course_id,
                                                bool published_only, const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(Page<Exercise> out,
                      query_page(c, sql::kListExercises, {course_id, published_only ? 1 : 0}, page,
                                 sql::kExerciseRow.reader()));
  for (auto& x : out.items) DL_TRY(load_questions(c, x));
  return out;
}

Status ExerciseRepository::update(Connection& c, const std::string& id,
                                  const ExerciseChange& change) {
  DL_TRY(c.execute(sql::kUpdateExercise,
                   {id, change.title, change.description, change.attempts_allowed,
                    change.due_at_set, change.due_at, change.published, format_rfc3339(now())}));
  return {};
}

}  // namespace deltalabs::assessment
