#include "engagement/question_handlers.h"

#include "engagement/engagement_json.h"
#include "engagement/topic_body.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/path_param.h"

namespace deltalabs::engagement {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Engagement";

BodySchema vote_body(bool with_value) {
  FieldSpec value = field::integer("value").range(-1, 1).describe("1 (up) or -1 (down)");
  if (with_value) value.required();
  return BodySchema{field::string("target_type", 16).one_of({"question", "answer"}).required(),
                    field::uuid("target_id").required(), value};
}

VoteTarget vote_target(const Request& req) {
  const auto& body = req.json.as_object();
  return {http::required_string(body, "target_type"), http::required_string(body, "target_id")};
}

Result<Response> vote(VoteService& votes, Request& req) {
  const int value = static_cast<int>(http::optional_int(req.json.as_object(), "value").value_or(0));
  DL_ASSIGN_OR_RETURN(VoteResult r, votes.vote(req.caller(), vote_target(req), value));
  return Response::json(200, vote_shape().render(r));
}

}  // namespace

void register_question_routes(http::Router& router, QuestionService& questions, VoteService& votes,
                              const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/courses/:id/questions",
              .handler = [&questions, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result,
                                    questions.list(req.caller(), http::path_param(req), page));
                return http::page_response(result, question_shape(), cursors);
              },
              .summary = "The course's Q&A questions, newest first (course members only)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .responses = {200, 403, 404},
              .returns = http::schema::page_of(question_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/courses/:id/questions",
              .handler = [&questions](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Question q, questions.ask(req.caller(), http::path_param(req),
                                                              topic_input(req.json.as_object())));
                return Response::json(201, question_shape().render(q))
                    .header("Location", "/v1/questions/" + q.id);
              },
              .summary = "Ask a question in the course's Q&A (course members only)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(topic_body()),
              .responses = {201, 403, 404},
              .returns = http::schema::ref(question_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/questions/:id",
              .handler = [&questions](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Question q, questions.get(req.caller(), http::path_param(req)));
                return Response::json(200, question_detail_shape().render(q));
              },
              .summary = "A question with its answers (accepted first, then by votes) and vote "
                         "totals (course members only)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 403, 404},
              .returns = http::schema::ref(question_detail_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/questions/:id/answers",
              .handler = [&questions](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Answer a, questions.answer(req.caller(), http::path_param(req),
                                                               http::required_string(
                                                                   req.json.as_object(), "body")));
                return Response::json(201, answer_shape().render(a));
              },
              .summary = "Answer a question (course members only); notifies the asker",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(text_body()),
              .responses = {201, 403, 404},
              .returns = http::schema::ref(answer_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/answers/:id/accept",
              .handler = [&questions](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Question q,
                                    questions.accept(req.caller(), http::path_param(req)));
                return Response::json(200, question_detail_shape().render(q));
              },
              .summary = "Accept an answer (the asker or an instructor of the course); notifies "
                         "its author; returns the question",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 403, 404},
              .returns = http::schema::ref(question_detail_shape())});

  router.add({.method = Method::kPut,
              .path = "/v1/votes",
              .handler = [&votes](Request& req) { return vote(votes, req); },
              .summary = "Vote on a question or answer (+1 or -1, course members only); one vote "
                         "per user and target: voting again replaces it",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(vote_body(true)),
              .responses = {200, 403, 404},
              .returns = http::schema::ref(vote_shape())});

  router.add({.method = Method::kDelete,
              .path = "/v1/votes",
              .handler = [&votes](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(VoteResult r, votes.withdraw(req.caller(), vote_target(req)));
                return Response::json(200, vote_shape().render(r));
              },
              .summary = "Withdraw my vote on a question or answer (no vote: no change)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(vote_body(false)),
              .responses = {200, 403, 404},
              .returns = http::schema::ref(vote_shape())});
}

}  // namespace deltalabs::engagement
