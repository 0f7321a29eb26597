#include "content/content_handlers.h"

#include <boost/json.hpp>

#include "content/content_json.h"
#include "http/collection_routes.h"
#include "http/json_fields.h"
#include "http/path_param.h"

namespace deltalabs::content {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Content";

std::vector<FieldSpec> section_fields(bool create) {
  FieldSpec title = field::string("title", 200).length(1, 200);
  if (create) return {title.required(), field::string("summary", 2000)};
  return {
      title, field::string("summary", 2000),
      field::integer("position").range(1, 100000).describe("move the section here (1 = first)")};
}

SectionInput section_input(const boost::json::object& b) {
  return {http::optional_string(b, "title"), http::optional_string(b, "summary"),
          http::optional_int(b, "position")};
}

ContentItemInput item_input(const boost::json::object& b) {
  return {http::required_string(b, "item_type"), http::required_string(b, "title"),
          http::optional_json_text(b, "body").value_or("{}"),
          http::optional_bool(b, "is_required").value_or(true)};
}

ContentItemChange item_change(const boost::json::object& b) {
  return {http::optional_string(b, "title"), http::optional_json_text(b, "body"),
          http::optional_bool(b, "is_required"), http::optional_int(b, "position")};
}

}  // namespace

void register_content_routes(http::Router& router, SectionService& sections,
                             ContentItemService& items, const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/courses/:id/intro",
              .handler = [&sections](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(CourseIntro intro,
                                    sections.intro(req.caller(), http::path_param(req)));
                return Response::json(200, course_intro_shape().render(intro));
              },
              .summary = "A course's overview, instructors, syllabus (section titles) and counts",
              .tag = kTag,
              .access = Access::kOptionalAuth,
              .responses = {200, 404},
              .returns = http::schema::ref(course_intro_shape())});

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
                           section_input(req.json.as_object()));
  };
  section_routes.shape = &section_shape();
  section_routes.location = [](const Section& s) { return "/v1/sections/" + s.id; };
  section_routes.body = BodySchema(section_fields(true));
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
                           section_input(req.json.as_object()));
  };
  section_member.remove = [&sections](Request& req) {
    return sections.remove(req.caller(), http::path_param(req));
  };
  section_member.shape = &section_shape();
  section_member.body = BodySchema(section_fields(false));
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
    return items.create(req.caller(), http::path_param(req), item_input(req.json.as_object()));
  };
  item_routes.shape = &content_item_shape();
  item_routes.location = [](const ContentItem& i) {
    return "/v1/sections/" + i.section_id + "/items";
  };
  item_routes.body =
      BodySchema{field::string("item_type", 20)
                     .one_of({"video", "text", "file", "link", "exercise_ref"})
                     .required(),
                 field::string("title", 200).length(1, 200).required(),
                 field::any_object("body").required(), field::boolean("is_required")};
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
    return items.update(req.caller(), http::path_param(req), item_change(req.json.as_object()));
  };
  item_member.remove = [&items](Request& req) {
    return items.remove(req.caller(), http::path_param(req));
  };
  item_member.shape = &content_item_shape();
  item_member.body = BodySchema{
      field::string("title", 200).length(1, 200), field::any_object("body"),
      field::boolean("is_required"),
      field::integer("position").range(1, 100000).describe("move the item here (1 = first)")};
  http::register_member(router, std::move(item_member));
}

}  // namespace deltalabs::content
