#include "ai/draft_handlers.h"

#include "ai/ai_shapes.h"
#include "content/content_shapes.h"
#include "http/path_param.h"
#include "http/route_group.h"
#include "http/shape_fields.h"

namespace deltalabs::ai {

namespace {

// {draft, section}: what a promotion answers.
struct Promotion {
  ContentDraft draft;
  content::Section section;
};

DL_JSON_SHAPE(promotion_shape, Promotion, "ContentDraftPromotion",
              {{"draft", http::schema::ref(draft_shape()),
                [](const Promotion& p) {
                  return boost::json::value(draft_shape().render(p.draft));
                }},
               {"section", http::schema::ref(content::section_shape()), [](const Promotion& p) {
                  return boost::json::value(content::section_shape().render(p.section));
                }}})

const BodySchema& draft_body() {
  static const BodySchema schema{
      field::uuid("course_id").required().into(&DraftInput::course_id),
      field::string("kind", 16)
          .one_of({"course", "section", "summary"})
          .required()
          .into(&DraftInput::kind),
      field::string("title", 200).length(1, 200).required().into(&DraftInput::title),
      field::string("body", 100000).into(&DraftInput::body)};
  return schema;
}

const BodySchema& draft_change_body() {
  static const BodySchema schema{
      field::string("title", 200).length(1, 200).into(&DraftChange::title),
      field::string("body", 100000).into(&DraftChange::body),
      field::string("status", 16).one_of({"draft", "discarded"}).into(&DraftChange::status)};
  return schema;
}

}  // namespace

void register_draft_routes(http::Router& router, ContentDraftService& drafts,
                           const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Content drafts");
  g.list({.path = "/v1/content-drafts",
          .summary = "My drafts, newest first; with course_id, that course's drafts "
                     "(its editors only)",
          .query = {{"course_id", "string", "Drafts of this course"}},
          .responses = {200, 403, 404}},
         draft_shape(), [&drafts](http::Request& req, const PageRequest& page) {
           return drafts.list(req.caller(), req.query("course_id"), page);
         });

  g.create(
      {.path = "/v1/content-drafts",
       .summary = "Write a draft of a course outline, a section or a summary for a course I edit",
       .body = http::json_body(draft_body()),
       .responses = {201, 403, 404}},
      draft_shape(),
      [&drafts](http::Request& req) {
        return drafts.create(req.caller(), http::body_as<DraftInput>(req));
      },
      "/v1/content-drafts/");

  g.get({.path = "/v1/content-drafts/:id",
         .summary = "A draft (its author and the course's editors)",
         .responses = {200, 404}},
        draft_shape(), http::call(drafts, &ContentDraftService::get, http::id));

  g.patch({.path = "/v1/content-drafts/:id",
           .summary = "Change a draft's title or body, or discard (or restore) it; a "
                      "promoted draft no longer changes (409 DRAFT_NOT_DRAFT)",
           .body = http::json_body(draft_change_body()),
           .responses = {200, 404, 409}},
          draft_shape(),
          http::call(drafts, &ContentDraftService::update, http::id, http::body_as<DraftChange>));

  g.create(
      {.path = "/v1/content-drafts/:id/promote",
       .summary = "Promote a section draft into a new section of its course (editors of the "
                  "course); once only (409 DRAFT_NOT_DRAFT)",
       .responses = {201, 403, 404, 409}},
      promotion_shape(),
      [&drafts](http::Request& req) -> Result<Promotion> {
        DL_ASSIGN_OR_RETURN(auto promoted, drafts.promote(req.caller(), http::path_param(req)));
        return Promotion{std::move(promoted.first), std::move(promoted.second)};
      },
      [](const Promotion& p) { return "/v1/sections/" + p.section.id; });
}

}  // namespace deltalabs::ai
