#include "engagement/question_handlers.h"

#include "engagement/engagement_shapes.h"
#include "engagement/topic_handlers.h"
#include "http/route_group.h"

namespace deltalabs::engagement {

namespace {

// What PUT and DELETE /v1/votes read.
struct VoteBody {
  std::string target_type;
  std::string target_id;
  std::int64_t value = 0;

  VoteTarget target() const { return {target_type, target_id}; }
};

BodySchema vote_schema(bool with_value) {
  FieldSpec value =
      field::integer("value").range(-1, 1).describe("1 (up) or -1 (down)").into(&VoteBody::value);
  if (with_value) value.required();
  return BodySchema{field::string("target_type", 16)
                        .one_of({"question", "answer"})
                        .required()
                        .into(&VoteBody::target_type),
                    field::uuid("target_id").required().into(&VoteBody::target_id), value};
}

// The body of a vote (with its value) or of a withdrawal, each built once.
const BodySchema& vote_body(bool with_value) {
  static const BodySchema vote = vote_schema(true), withdrawal = vote_schema(false);
  return with_value ? vote : withdrawal;
}

}  // namespace

void register_question_routes(http::Router& router, QuestionService& questions, VoteService& votes,
                              const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Engagement");
  register_topic_routes(
      g, questions,
      TopicRoutes<QuestionService, Question, Answer>{
          .course_path = "/v1/courses/:id/questions",
          .location = "/v1/questions/",
          .topic_path = "/v1/questions/:id",
          .reply_path = "/v1/questions/:id/answers",
          .list_summary = "The course's Q&A questions, newest first (course members only)",
          .start_summary = "Ask a question in the course's Q&A (course members only)",
          .get_summary = "A question with its answers (accepted first, then by votes) and "
                         "vote totals (course members only)",
          .reply_summary = "Answer a question (course members only); notifies the asker",
          .shape = &question_shape(),
          .detail_shape = &question_detail_shape(),
          .reply_shape = &answer_shape(),
          .list = &QuestionService::list,
          .start = &QuestionService::ask,
          .get = &QuestionService::get,
          .reply = &QuestionService::answer});

  g.post({.path = "/v1/answers/:id/accept",
          .summary = "Accept an answer (the asker or an instructor of the course); "
                     "notifies its author; returns the question",
          .responses = {200, 403, 404}},
         question_detail_shape(), http::call(questions, &QuestionService::accept, http::id));

  g.put({.path = "/v1/votes",
         .summary = "Vote on a question or answer (+1 or -1, course members only); one "
                    "vote per user and target: voting again replaces it",
         .body = http::json_body(vote_body(/*with_value=*/true)),
         .responses = {200, 403, 404}},
        vote_shape(), [&votes](http::Request& req) {
          const auto in = http::body_as<VoteBody>(req);
          return votes.vote(req.caller(), in.target(), static_cast<int>(in.value));
        });

  g.act({.method = http::Method::kDelete,
         .path = "/v1/votes",
         .summary = "Withdraw my vote on a question or answer (no vote: no change)",
         .body = http::json_body(vote_body(/*with_value=*/false)),
         .responses = {200, 403, 404}},
        vote_shape(),
        http::call(votes, &VoteService::withdraw, http::body_field(&VoteBody::target)));
}

}  // namespace deltalabs::engagement
