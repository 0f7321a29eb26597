#include "assessment/submission_repository.h"

#include <boost/json.hpp>

#include "assessment/assessment_sql.h"
#include "core/uuid.h"

namespace deltalabs::assessment {

namespace {

boost::json::value optional_number(const std::optional<double>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

std::string answers_json(const std::vector<Answer>& answers) {
  boost::json::array out;
  out.reserve(answers.size());
  for (const auto& a : answers) {
    out.push_back(boost::json::object{
        {"question_id", a.question_id},
        {"selected", boost::json::value_from(a.selected)},
        {"number", optional_number(a.number)},
        {"text", a.text ? boost::json::value(*a.text) : boost::json::value(nullptr)},
        {"points", optional_number(a.points)},
        {"max_points", a.max_points}});
  }
  return boost::json::serialize(out);
}

std::optional<double> number_of(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_number()) return std::nullopt;
  return v->to_number<double>();
}

std::vector<Answer> answers_from(const std::string& text) {
  std::vector<Answer> out;
  boost::system::error_code ec;
  const auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.get_array()) {
    if (!item.is_object()) continue;
    const auto& o = item.get_object();
    Answer a;
    if (const auto* q = o.if_contains("question_id"); q && q->is_string())
      a.question_id = std::string(q->get_string());
    if (const auto* sel = o.if_contains("selected"); sel && sel->is_array()) {
      for (const auto& i : sel->get_array())
        if (i.is_int64()) a.selected.push_back(i.get_int64());
    }
    a.number = number_of(o, "number");
    if (const auto* t = o.if_contains("text"); t && t->is_string())
      a.text = std::string(t->get_string());
    a.points = number_of(o, "points");
    a.max_points = static_cast<std::int64_t>(number_of(o, "max_points").value_or(0));
    out.push_back(std::move(a));
  }
  return out;
}

Submission submission_from(const Row& r) {
  Submission x = sql::kSubmissionRow.read(r);
  x.answers = answers_from(r.text(sql::kSubmissionRow.size()));  // s.answers: the column after
  return x;
}

}  // namespace

Result<std::int64_t> SubmissionRepository::attempts(Connection& c, const std::string& user_id,
                                                    const std::string& exercise_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCountAttempts, {user_id, exercise_id}));
  return rows[0].integer(0);
}

Result<std::string> SubmissionRepository::insert(Connection& c, const Submission& s) {
  const std::string id = new_uuid_v7();
  auto inserted = c.execute(sql::kInsertSubmission,
                            {id, s.exercise_id, s.user_id, s.attempt, answers_json(s.answers),
                             s.auto_score, s.max_score, s.status, s.submitted_at, s.graded_at});
  if (!inserted.ok()) {
    if (inserted.error().code == storage_code::kUniqueViolation)
      return Error::conflict("ATTEMPT_TAKEN", "Another attempt was submitted at the same time.");
    return std::move(inserted).error();
  }
  return id;
}

Result<Submission> SubmissionRepository::find(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("submission");
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectSubmission, {id}));
  if (rows.empty()) return Error::not_found("submission");
  return submission_from(rows[0]);
}

Result<Page<Submission>> SubmissionRepository::list(Connection& c, const std::string& exercise_id,
                                                    const std::string& user_id,
                                                    const PageRequest& page) {
  return query_page(c, sql::kListSubmissions, {exercise_id, user_id}, page, submission_from);
}

Status SubmissionRepository::save_grading(Connection& c, const Submission& s) {
  DL_TRY(c.execute(sql::kGradeSubmission, {s.id, answers_json(s.answers), s.score, s.status,
                                           s.feedback, s.graded_at, s.graded_by}));
  return {};
}

Result<std::optional<BestAttempt>> SubmissionRepository::best_graded(
    Connection& c, const std::string& user_id, const std::string& exercise_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kBestGradedSubmission, {user_id, exercise_id}));
  if (rows.empty()) return std::optional<BestAttempt>{};
  return std::optional<BestAttempt>{BestAttempt{rows[0].text(0), rows[0].real(1), rows[0].real(2)}};
}

}  // namespace deltalabs::assessment
