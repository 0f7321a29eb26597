#include "content/content_handlers.h"

#include "content/content_shapes.h"
#include "http/collection_routes.h"
#include "http/path_param.h"
#include "http/shaped_routes.h"

namespace deltalabs::content {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Content";

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
  http::get_one(router,
                {.path = "/v1/courses/:id/intro",
                 .summary = "A course's overview, instructors, syllabus (section titles) and "
                            "counts",
                 .tag = kTag,
                 .access = Access::kOptionalAuth,
                 .responses = {200, 404}},
                course_intro_shape(), [&sections](Request& req) {
                  return sections.intro(req.caller(), http::path_param(req));
                });

  http::CollectionRoutes<Section> section_routes;
  section_routes.path = "/v1/courses/:id/sections";
  section_routes.noun = "course section";
  section_routes.tag = kTag;
  section_routes.list_access = Access::kOptionalAuth;
  section_routes.create_permission = "courses:update";
  section_routes.list = [&sections](Request& req, const PageRequest& page) {
    return sections.list(req.caller(), http::path_param(req), page);
  };
  section_routes.create = [&sections](Request& req) {
    return sections.create(req.caller(), http::path_param(req),
                           section_body(/*create=*/true).read<SectionInput>(req.json));
  };
  section_routes.shape = &section_shape();
  section_routes.location = [](const Section& s) { return "/v1/sections/" + s.id; };
  section_routes.body = section_body(/*create=*/true);
  section_routes.create_responses = {201, 403, 404};
  http::register_collection(router, cursors, std::move(section_routes));

  http::MemberRoutes<Section> section_member;
  section_member.path = "/v1/sections/:id";
  section_member.tag = kTag;
  section_member.permission = "courses:update";
  section_member.update_summary =
      "Rename a section or move it to another position (the others shift)";
  section_member.remove_summary = "Delete a section with its items; later sections move up";
  section_member.update = [&sections](Request& req) {
    return sections.update(req.caller(), http::path_param(req),
                           section_body(/*create=*/false).read<SectionInput>(req.json));
  };
  section_member.remove = [&sections](Request& req) {
    return sections.remove(req.caller(), http::path_param(req));
  };
  section_member.shape = &section_shape();
  section_member.body = section_body(/*create=*/false);
  http::register_member(router, std::move(section_member));

  http::CollectionRoutes<ContentItem> item_routes;
  item_routes.path = "/v1/sections/:id/items";
  item_routes.noun = "content item";
  item_routes.tag = kTag;
  item_routes.list_access = Access::kOptionalAuth;
  item_routes.create_permission = "courses:update";
  item_routes.list = [&items](Request& req, const PageRequest& page) {
    return items.list(req.caller(), http::path_param(req), page);
  };
  item_routes.create = [&items](Request& req) {
    return items.create(req.caller(), http::path_param(req),
                        item_create_body().read<ContentItemInput>(req.json));
  };
  item_routes.shape = &content_item_shape();
  item_routes.location = [](const ContentItem& i) {
    return "/v1/sections/" + i.section_id + "/items";
  };
  item_routes.body = item_create_body();
  item_routes.create_responses = {201, 403, 404};
  http::register_collection(router, cursors, std::move(item_routes));

  http::MemberRoutes<ContentItem> item_member;
  item_member.path = "/v1/items/:id";
  item_member.tag = kTag;
  item_member.permission = "courses:update";
  item_member.update_summary =
      "Change an item's title, body or is_required, or move it within its section";
  item_member.remove_summary =
      "Delete an item with the progress on it; later items move up and percents are re-derived";
  item_member.update = [&items](Request& req) {
    return items.update(req.caller(), http::path_param(req),
                        item_update_body().read<ContentItemChange>(req.json));
  };
  item_member.remove = [&items](Request& req) {
    return items.remove(req.caller(), http::path_param(req));
  };
  item_member.shape = &content_item_shape();
  item_member.body = item_update_body();
  http::register_member(router, std::move(item_member));
}

}  // namespace deltalabs::content
