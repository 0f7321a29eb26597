#include "engagement/question_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "engagement/engagement_sql.h"

namespace deltalabs::engagement {

Result<Question> QuestionRepository::find(Connection& c, const std::string& id) {
  return sql::kQuestionTable.find(c, id);
}

Result<Page<Question>> QuestionRepository::list(Connection& c, const std::string& course_id,
                                                const PageRequest& page) {
  return sql::kQuestionTable.page(c, sql::kListQuestions, {course_id}, page);
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
  return sql::kAnswerTable.find(c, id);
}

Result<std::vector<Answer>> QuestionRepository::answers(Connection& c,
                                                        const std::string& question_id) {
  return sql::kAnswerTable.all(c, sql::kListAnswers, {question_id});
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
