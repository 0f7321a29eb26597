#include "engagement/question_handlers.h"

#include "engagement/engagement_shapes.h"
#include "engagement/topic_body.h"
#include "http/path_param.h"
#include "http/shaped_routes.h"

namespace deltalabs::engagement {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Engagement";

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
  http::paged_list(router, cursors,
                   {.path = "/v1/courses/:id/questions",
                    .summary = "The course's Q&A questions, newest first (course members only)",
                    .tag = kTag,
                    .access = Access::kAuthenticated,
                    .responses = {200, 403, 404}},
                   question_shape(), [&questions](Request& req, const PageRequest& page) {
                     return questions.list(req.caller(), http::path_param(req), page);
                   });

  http::create(
      router,
      {.path = "/v1/courses/:id/questions",
       .summary = "Ask a question in the course's Q&A (course members only)",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .body = http::json_body(topic_body()),
       .responses = {201, 403, 404}},
      question_shape(),
      [&questions](Request& req) {
        return questions.ask(req.caller(), http::path_param(req),
                             topic_body().read<TopicInput>(req.json));
      },
      [](const Question& q) { return "/v1/questions/" + q.id; });

  http::get_one(router,
                {.path = "/v1/questions/:id",
                 .summary = "A question with its answers (accepted first, then by votes) and "
                            "vote totals (course members only)",
                 .tag = kTag,
                 .access = Access::kAuthenticated,
                 .responses = {200, 403, 404}},
                question_detail_shape(), [&questions](Request& req) {
                  return questions.get(req.caller(), http::path_param(req));
                });

  http::action(router,
               {.method = Method::kPost,
                .path = "/v1/questions/:id/answers",
                .summary = "Answer a question (course members only); notifies the asker",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .body = http::json_body(text_body()),
                .responses = {201, 403, 404}},
               answer_shape(), [&questions](Request& req) {
                 return questions.answer(req.caller(), http::path_param(req),
                                         text_body().read<TextInput>(req.json).body);
               });

  http::action(router,
               {.method = Method::kPost,
                .path = "/v1/answers/:id/accept",
                .summary = "Accept an answer (the asker or an instructor of the course); "
                           "notifies its author; returns the question",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .responses = {200, 403, 404}},
               question_detail_shape(), [&questions](Request& req) {
                 return questions.accept(req.caller(), http::path_param(req));
               });

  http::action(router,
               {.method = Method::kPut,
                .path = "/v1/votes",
                .summary = "Vote on a question or answer (+1 or -1, course members only); one "
                           "vote per user and target: voting again replaces it",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .body = http::json_body(vote_body(/*with_value=*/true)),
                .responses = {200, 403, 404}},
               vote_shape(), [&votes](Request& req) {
                 const auto in = vote_body(/*with_value=*/true).read<VoteBody>(req.json);
                 return votes.vote(req.caller(), in.target(), static_cast<int>(in.value));
               });

  http::action(router,
               {.method = Method::kDelete,
                .path = "/v1/votes",
                .summary = "Withdraw my vote on a question or answer (no vote: no change)",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .body = http::json_body(vote_body(/*with_value=*/false)),
                .responses = {200, 403, 404}},
               vote_shape(), [&votes](Request& req) {
                 return votes.withdraw(
                     req.caller(),
                     vote_body(/*with_value=*/false).read<VoteBody>(req.json).target());
               });
}

}  // namespace deltalabs::engagement
