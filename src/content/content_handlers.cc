#include "content/content_handlers.h"

#include "content/content_shapes.h"
#include "http/collection_routes.h"
#include "http/route_group.h"

namespace deltalabs::content {

namespace {

BodySchema section_schema(bool create) {
  FieldSpec title = field::string("title", 200).length(1, 200).into(&SectionInput::title);
  FieldSpec summary = field::string("summary", 2000).into(&SectionInput::summary);
  if (create) return BodySchema{title.required(), summary};
  return BodySchema{title, summary,
                    field::integer("position")
                        .range(1, 100000)
                        .describe("move the section here (1 = first)")
                        .into(&SectionInput::position)};
}

// The body of a create (POST) or of a change (PATCH), each built once.
const BodySchema& section_body(bool create) {
  static const BodySchema for_create = section_schema(true), for_update = section_schema(false);
  return create ? for_create : for_update;
}

const BodySchema& item_create_body() {
  static const BodySchema schema{
      field::string("item_type", 20)
          .one_of({"video", "text", "file", "link", "exercise_ref"})
          .required()
          .into(&ContentItemInput::item_type),
      field::string("title", 200).length(1, 200).required().into(&ContentItemInput::title),
      field::any_object("body").required().into(&ContentItemInput::body),
      field::boolean("is_required").into(&ContentItemInput::is_required)};
  return schema;
}

const BodySchema& item_update_body() {
  static const BodySchema schema{
      field::string("title", 200).length(1, 200).into(&ContentItemChange::title),
      field::any_object("body").into(&ContentItemChange::body),
      field::boolean("is_required").into(&ContentItemChange::is_required),
      field::integer("position")
          .range(1, 100000)
          .describe("move the item here (1 = first)")
          .into(&ContentItemChange::position)};
  return schema;
}

}  // namespace

void register_content_routes(http::Router& router, SectionService& sections,
                             ContentItemService& items, const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Content");
  g.get({.path = "/v1/courses/:id/intro",
         .summary = "A course's overview, instructors, syllabus (section titles) and counts",
         .access = http::Access::kOptionalAuth,
         .responses = {200, 404}},
        course_intro_shape(), http::call(sections, &SectionService::intro, http::id));

  g.collection(http::CollectionRoutes<Section>{
      .path = "/v1/courses/:id/sections",
      .noun = "course section",
      .list_access = http::Access::kOptionalAuth,
      .create_permission = "courses:update",
      .list = http::call(sections, &SectionService::list, http::id),
      .create =
          http::call(sections, &SectionService::create, http::id, http::body_as<SectionInput>),
      .shape = &section_shape(),
      .location = [](const Section& s) { return "/v1/sections/" + s.id; },
      .body = section_body(/*create=*/true),
      .create_responses = {201, 403, 404}});
  g.member(http::MemberRoutes<Section>{
      .path = "/v1/sections/:id",
      .permission = "courses:update",
      .update_summary = "Rename a section or move it to another position (the others shift)",
      .remove_summary = "Delete a section with its items; later sections move up",
      .update =
          http::call(sections, &SectionService::update, http::id, http::body_as<SectionInput>),
      .remove = http::call(sections, &SectionService::remove, http::id),
      .shape = &section_shape(),
      .body = section_body(/*create=*/false)});

  g.collection(http::CollectionRoutes<ContentItem>{
      .path = "/v1/sections/:id/items",
      .noun = "content item",
      .list_access = http::Access::kOptionalAuth,
      .create_permission = "courses:update",
      .list = http::call(items, &ContentItemService::list, http::id),
      .create =
          http::call(items, &ContentItemService::create, http::id, http::body_as<ContentItemInput>),
      .shape = &content_item_shape(),
      .location = [](const ContentItem& i) { return "/v1/sections/" + i.section_id + "/items"; },
      .body = item_create_body(),
      .create_responses = {201, 403, 404}});
  g.member(http::MemberRoutes<ContentItem>{
      .path = "/v1/items/:id",
      .permission = "courses:update",
      .update_summary =
          "Change an item's title, body or is_required, or move it within its section",
      .remove_summary =
          "Delete an item with the progress on it; later items move up and percents are re-derived",
      .update = http::call(items, &ContentItemService::update, http::id,
                           http::body_as<ContentItemChange>),
      .remove = http::call(items, &ContentItemService::remove, http::id),
      .shape = &content_item_shape(),
      .body = item_update_body()});
}

}  // namespace deltalabs::content
