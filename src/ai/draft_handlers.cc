#include "ai/draft_handlers.h"

#include "ai/ai_json.h"
#include "content/content_json.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/path_param.h"

namespace deltalabs::ai {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Content drafts";

// {draft, section}: what a promotion answers.
struct Promotion {
  ContentDraft draft;
  content::Section section;
};

const http::JsonShape<Promotion>& promotion_shape() {
  static const http::JsonShape<Promotion> shape(
      "ContentDraftPromotion",
      {{"draft", http::schema::ref(draft_shape()),
        [](const Promotion& p) { return boost::json::value(draft_shape().render(p.draft)); }},
       {"section", http::schema::ref(content::section_shape()), [](const Promotion& p) {
          return boost::json::value(content::section_shape().render(p.section));
        }}});
  return shape;
}

}  // namespace

void register_draft_routes(http::Router& router, ContentDraftService& drafts,
                           const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/content-drafts",
              .handler = [&drafts, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result,
                                    drafts.list(req.caller(), req.query("course_id"), page));
                return http::page_response(result, draft_shape(), cursors);
              },
              .summary = "My drafts, newest first; with course_id, that course's drafts (its "
                         "editors only)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query({{"course_id", "string", "Drafts of this course"}}),
              .responses = {200, 403, 404},
              .returns = http::schema::page_of(draft_shape())});

  router.add(
      {.method = Method::kPost,
       .path = "/v1/content-drafts",
       .handler = [&drafts](Request& req) -> Result<Response> {
         const auto& b = req.json.as_object();
         DraftInput input{http::required_string(b, "course_id"), http::required_string(b, "kind"),
                          http::required_string(b, "title"),
                          http::optional_string(b, "body").value_or("")};
         DL_ASSIGN_OR_RETURN(ContentDraft d, drafts.create(req.caller(), input));
         return Response::json(201, draft_shape().render(d))
             .header("Location", "/v1/content-drafts/" + d.id);
       },
       .summary = "Write a draft of a course outline, a section or a summary for a course "
                  "I edit",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .body = http::json_body(BodySchema{
           field::uuid("course_id").required(),
           field::string("kind", 16).one_of({"course", "section", "summary"}).required(),
           field::string("title", 200).length(1, 200).required(), field::string("body", 100000)}),
       .responses = {201, 403, 404},
       .returns = http::schema::ref(draft_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/content-drafts/:id",
              .handler = [&drafts](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(ContentDraft d,
                                    drafts.get(req.caller(), http::path_param(req)));
                return Response::json(200, draft_shape().render(d));
              },
              .summary = "A draft (its author and the course's editors)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 404},
              .returns = http::schema::ref(draft_shape())});

  router.add({.method = Method::kPatch,
              .path = "/v1/content-drafts/:id",
              .handler = [&drafts](Request& req) -> Result<Response> {
                const auto& b = req.json.as_object();
                DraftChange change{http::optional_string(b, "title"),
                                   http::optional_string(b, "body"),
                                   http::optional_string(b, "status")};
                DL_ASSIGN_OR_RETURN(ContentDraft d,
                                    drafts.update(req.caller(), http::path_param(req), change));
                return Response::json(200, draft_shape().render(d));
              },
              .summary = "Change a draft's title or body, or discard (or restore) it; a promoted "
                         "draft no longer changes (409 DRAFT_NOT_DRAFT)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(BodySchema{
                  field::string("title", 200).length(1, 200), field::string("body", 100000),
                  field::string("status", 16).one_of({"draft", "discarded"})}),
              .responses = {200, 404, 409},
              .returns = http::schema::ref(draft_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/content-drafts/:id/promote",
              .handler = [&drafts](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(auto promoted,
                                    drafts.promote(req.caller(), http::path_param(req)));
                Promotion p{std::move(promoted.first), std::move(promoted.second)};
                return Response::json(201, promotion_shape().render(p))
                    .header("Location", "/v1/sections/" + p.section.id);
              },
              .summary = "Promote a section draft into a new section of its course (editors of "
                         "the course); once only (409 DRAFT_NOT_DRAFT)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {201, 403, 404, 409},
              .returns = http::schema::ref(promotion_shape())});
}

}  // namespace deltalabs::ai
