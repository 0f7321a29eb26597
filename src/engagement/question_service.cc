#include "engagement/question_service.h"

#include <boost/json.hpp>

#include "core/uuid.h"
#include "engagement/question_repository.h"
#include "platform/notification_log.h"

namespace deltalabs::engagement {

namespace {

// What a notification about an answer carries: enough to link to it.
std::string answer_payload(const Question& q, const Answer& a) {
  return boost::json::serialize(boost::json::object{{"course_id", q.course_id},
                                                    {"question_id", q.id},
                                                    {"question_title", q.title},
                                                    {"answer_id", a.id},
                                                    {"answer_author_id", a.author_id}});
}

}  // namespace

Result<Page<Question>> QuestionService::list(const Actor& actor, const std::string& course_id,
                                             const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_TRY(membership_.require_member(*conn, actor, course_id));
  return QuestionRepository::list(*conn, canonical_id(course_id), page);
}

Result<Question> QuestionService::ask(const Actor& actor, const std::string& course_id,
                                      const TopicInput& input) {
  return db_.transaction([&](Connection& c) -> Result<Question> {
    DL_TRY(membership_.require_member(c, actor, course_id));
    DL_ASSIGN_OR_RETURN(std::string id, QuestionRepository::insert(c, canonical_id(course_id),
                                                                   actor.user_id, input));
    return QuestionRepository::find(c, id);
  });
}

Result<Question> QuestionService::get(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(Question q, QuestionRepository::find(*conn, canonical_id(id)));
  DL_TRY(membership_.require_member(*conn, actor, q.course_id));
  return with_answers(*conn, std::move(q));
}

Result<Answer> QuestionService::answer(const Actor& actor, const std::string& question_id,
                                       const std::string& body) {
  return db_.transaction([&](Connection& c) -> Result<Answer> {
    DL_ASSIGN_OR_RETURN(Question q, QuestionRepository::find(c, canonical_id(question_id)));
    DL_TRY(membership_.require_member(c, actor, q.course_id));
    DL_ASSIGN_OR_RETURN(std::string id,
                        QuestionRepository::insert_answer(c, q.id, actor.user_id, body));
    DL_ASSIGN_OR_RETURN(Answer a, QuestionRepository::find_answer(c, id));
    if (q.author_id != actor.user_id)
      DL_TRY(NotificationLog::record(c, q.author_id, "answer.created", answer_payload(q, a)));
    return a;
  });
}

Result<Question> QuestionService::accept(const Actor& actor, const std::string& answer_id) {
  return db_.transaction([&](Connection& c) -> Result<Question> {
    DL_ASSIGN_OR_RETURN(Answer a, QuestionRepository::find_answer(c, canonical_id(answer_id)));
    DL_ASSIGN_OR_RETURN(Question q, QuestionRepository::find(c, a.question_id));
    DL_ASSIGN_OR_RETURN(learning::Participation p,
                        membership_.require_member(c, actor, q.course_id));
    if (q.author_id != actor.user_id && !p.teaches) {
      return Error::forbidden("Only the asker or an instructor of the course accepts an answer.");
    }
    if (q.accepted_answer_id != a.id) {
      DL_TRY(QuestionRepository::accept(c, q.id, a.id));
      if (a.author_id != actor.user_id)
        DL_TRY(NotificationLog::record(c, a.author_id, "answer.accepted", answer_payload(q, a)));
    }
    DL_ASSIGN_OR_RETURN(Question after, QuestionRepository::find(c, q.id));
    return with_answers(c, std::move(after));
  });
}

Result<Question> QuestionService::with_answers(Connection& c, Question q) {
  DL_ASSIGN_OR_RETURN(q.answers, QuestionRepository::answers(c, q.id));
  return q;
}

}  // namespace deltalabs::engagement
