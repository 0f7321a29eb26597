#pragma once

#include <string>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "engagement/model.h"
#include "storage/connection.h"

namespace deltalabs::engagement {

// Rows of questions and answers. Callers run writes inside one transaction
// with the counters they change (answer_count).
class QuestionRepository {
 public:
  // One question without its answers; 404 QUESTION_NOT_FOUND when absent.
  static Result<Question> find(Connection& c, const std::string& id);
  // A page of a course's questions, newest first.
  static Result<Page<Question>> list(Connection& c, const std::string& course_id,
                                     const PageRequest& page);
  // Inserts a question and returns its id.
  static Result<std::string> insert(Connection& c, const std::string& course_id,
                                    const std::string& author_id, const TopicInput& input);
  // One answer; 404 ANSWER_NOT_FOUND when absent.
  static Result<Answer> find_answer(Connection& c, const std::string& id);
  // Every answer of a question: the accepted one first, then by votes, then oldest first.
  static Result<std::vector<Answer>> answers(Connection& c, const std::string& question_id);
  // Inserts an answer, counts it on its question and returns its id.
  static Result<std::string> insert_answer(Connection& c, const std::string& question_id,
                                           const std::string& author_id, const std::string& body);
  // Marks `answer_id` as the question's accepted answer.
  static Status accept(Connection& c, const std::string& question_id, const std::string& answer_id);
};

}  // namespace deltalabs::engagement
