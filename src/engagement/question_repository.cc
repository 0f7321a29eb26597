#include "engagement/question_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "engagement/engagement_sql.h"

namespace deltalabs::engagement {

namespace {

Question question_from(const Row& r) { return sql::kQuestionRow.read(r); }

Answer answer_from(const Row& r) { return sql::kAnswerRow.read(r); }

}  // namespace

Result<Question> QuestionRepository::find(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("question");
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectQuestion, {id}));
  if (rows.empty()) return Error::not_found("question");
  return question_from(rows[0]);
}

Result<Page<Question>> QuestionRepository::list(Connection& c, const std::string& course_id,
                                                const PageRequest& page) {
  return query_page(c, sql::kListQuestions, {course_id}, page, question_from);
}

Result<std::string> QuestionRepository::insert(Connection& c, const std::string& course_id,
                                               const std::string& author_id,
                                               const TopicInput& input) {
  std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertQuestion,
                   {id, course_id, author_id, input.title, input.body, format_rfc3339(now())}));
  return id;
}

Result<Answer> QuestionRepository::find_answer(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("answer");
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectAnswer, {id}));
  if (rows.empty()) return Error::not_found("answer");
  return answer_from(rows[0]);
}

Result<std::vector<Answer>> QuestionRepository::answers(Connection& c,
                                                        const std::string& question_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kListAnswers, {question_id}));
  std::vector<Answer> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(answer_from(rows[i]));
  return out;
}

Result<std::string> QuestionRepository::insert_answer(Connection& c, const std::string& question_id,
                                                      const std::string& author_id,
                                                      const std::string& body) {
  std::string id = new_uuid_v7();
  const std::string at = format_rfc3339(now());
  DL_TRY(c.execute(sql::kInsertAnswer, {id, question_id, author_id, body, at}));
  DL_TRY(c.execute(sql::kCountAnswer, {question_id, at}));
  return id;
}

Status QuestionRepository::accept(Connection& c, const std::string& question_id,
                                  const std::string& answer_id) {
  DL_TRY(c.execute(sql::kAcceptAnswer, {question_id, answer_id, format_rfc3339(now())}));
  return {};
}

}  // namespace deltalabs::engagement
