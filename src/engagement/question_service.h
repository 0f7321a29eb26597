#pragma once

#include <string>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "engagement/community_membership.h"
#include "engagement/model.h"
#include "storage/database.h"

namespace deltalabs::engagement {

// A course's questions and answers. Who may do what:
//  - members of the course (CommunityMembership) list, read, ask and answer;
//  - an answer notifies the asker (answer.created), unless they answered themselves;
//  - the asker or an instructor of the course accepts one answer of a
//    question (403 otherwise); accepting another replaces it, and the
//    answer's author is notified (answer.accepted).
class QuestionService {
 public:
  QuestionService(Database& db, const CommunityMembership& membership)
      : db_(db), membership_(membership) {}

  // A page of the course's questions, newest first (without answers).
  Result<Page<Question>> list(const Actor& actor, const std::string& course_id,
                              const PageRequest& page);
  // Asks a question in the course; 201 material.
  Result<Question> ask(const Actor& actor, const std::string& course_id, const TopicInput& input);
  // One question with its answers (accepted first, then by votes).
  Result<Question> get(const Actor& actor, const std::string& id);
  // Answers a question and notifies its asker.
  Result<Answer> answer(const Actor& actor, const std::string& question_id,
                        const std::string& body);
  // Accepts an answer; returns its question with every answer.
  Result<Question> accept(const Actor& actor, const std::string& answer_id);

 private:
  Result<Question> with_answers(Connection& c, Question q);

  Database& db_;
  const CommunityMembership& membership_;
};

}  // namespace deltalabs::engagement
