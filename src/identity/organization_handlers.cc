#include "identity/organization_handlers.h"

#include <boost/json.hpp>

#include "http/path_param.h"
#include "http/resource_routes.h"
#include "http/route_group.h"
#include "identity/access_control_shapes.h"

namespace deltalabs::identity {

namespace {

// What POST and PATCH /v1/organizations read; input() makes the service's
// OrganizationInput.
struct OrganizationBody {
  std::optional<std::string> type_id;
  std::optional<std::optional<std::string>> parent_id;  // sent, possibly null
  std::optional<std::string> name;
  std::optional<std::string> slug;
  std::optional<std::string> settings;  // JSON object text

  OrganizationInput input() const {
    return {.type_id = type_id,
            .parent_set = parent_id.has_value(),
            .parent_id = parent_id.value_or(std::nullopt),
            .name = name,
            .slug = slug,
            .settings = settings};
  }
};

// What POST /v1/organizations/:id/members reads.
struct MemberBody {
  std::string user_id;
  std::optional<std::string> role_id;
};

BodySchema organization_schema(bool create) {
  FieldSpec type_id = field::uuid("type_id").into(&OrganizationBody::type_id);
  FieldSpec name = field::string("name", 200).length(1, 200).into(&OrganizationBody::name);
  FieldSpec slug = field::string("slug", 64)
                       .length(1, 64)
                       .describe("a-z, 0-9, '_' and '-'")
                       .into(&OrganizationBody::slug);
  FieldSpec parent = field::uuid("parent_id")
                         .nullable()
                         .describe("null: a top-level organization")
                         .into(&OrganizationBody::parent_id);
  if (create) {
    type_id.required();
    name.required();
    slug.required();
  }
  return BodySchema{type_id, name, slug, parent,
                    field::any_object("settings").into(&OrganizationBody::settings)};
}

// The body of a create (POST) or of a change (PATCH), each built once.
const BodySchema& organization_body(bool create) {
  static const BodySchema for_create = organization_schema(true),
                          for_update = organization_schema(false);
  return create ? for_create : for_update;
}

const BodySchema& member_body() {
  static const BodySchema schema{field::uuid("user_id").required().into(&MemberBody::user_id),
                                 field::uuid("role_id").nullable().into(&MemberBody::role_id)};
  return schema;
}

}  // namespace

void register_organization_routes(http::Router& router, OrganizationService& organizations,
                                  OrganizationMemberService& members, const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Identity");
  g.resource(http::ResourceRoutes<Organization>{
      .path = "/v1/organizations",
      .member_path = "/v1/organizations/:id",
      .resource = "organizations",
      .filters = {{"type_id", "string", "Only organizations of this type"},
                  {"parent_id", "string", "Only children of this organization"}},
      .list =
          [&organizations](http::Request& req, const PageRequest& page) {
            return organizations.list(req.caller(), {req.query("type_id"), req.query("parent_id")},
                                      page);
          },
      .create = http::call(organizations, &OrganizationService::create,
                           http::body_field(&OrganizationBody::input)),
      .get = http::call(organizations, &OrganizationService::get, http::id),
      .update = http::call(organizations, &OrganizationService::update, http::id,
                           http::body_field(&OrganizationBody::input)),
      .remove = http::call(organizations, &OrganizationService::remove, http::id),
      .shape = &organization_shape(),
      .create_body = organization_body(/*create=*/true),
      .update_body = organization_body(/*create=*/false),
      .list_summary = "List organizations",
      .create_summary = "Create an organization (organizations:create globally or in the parent); "
                        "unknown type or parent: 400; duplicate slug: 409 SLUG_TAKEN",
      .get_summary = "One organization (organizations:read globally or in it)",
      .update_summary =
          "Change an organization (organizations:update globally or in it; a new parent also needs "
          "organizations:create there); parent_id itself or a descendant: 400 PARENT_CYCLE",
      .remove_summary =
          "Delete an organization and its memberships; while it has child organizations: 409 "
          "HAS_CHILDREN",
      .update_responses = {200, 404, 409},
      .remove_responses = {204, 404, 409}});

  g.list({.path = "/v1/organizations/:id/members",
          .summary = "Members of an organization with their scoped roles",
          .permission = "organizations:members",
          .responses = {200, 404}},
         membership_shape(), http::call(members, &OrganizationMemberService::list, http::id));

  g.post({.path = "/v1/organizations/:id/members",
          .summary = "Add a member, optionally with a role scoped to this organization; "
                     "once per user (409 ALREADY_MEMBER); a role granting more than you "
                     "hold here: 403 ROLE_BEYOND_YOUR_PERMISSIONS",
          .permission = "organizations:members",
          .body = http::json_body(member_body()),
          .responses = {201, 404, 409}},
         membership_shape(), [&members](http::Request& req) {
           const auto in = http::body_as<MemberBody>(req);
           return members.add(req.caller(), http::path_param(req, "id"), in.user_id, in.role_id);
         });

  g.del(
      {.path = "/v1/organizations/:id/members/:userId",
       .summary = "Remove a member; not a member: 404 MEMBER_NOT_FOUND",
       .permission = "organizations:members",
       .responses = {204, 404}},
      http::call(members, &OrganizationMemberService::remove, http::id, http::PathParam{"userId"}));
}

}  // namespace deltalabs::identity
