#include "identity/role_handlers.h"

#include <boost/json.hpp>

#include "http/path_param.h"
#include "http/resource_routes.h"
#include "http/route_group.h"
#include "identity/access_control_shapes.h"

namespace deltalabs::identity {

namespace {

// What PUT /v1/roles/:id/permissions reads.
struct PermissionIdsBody {
  std::vector<std::string> permission_ids;
};

// What a client may set on a role; is_system is never theirs to set.
BodySchema role_schema(bool create) {
  FieldSpec name = field::string("name", 100).length(1, 100).into(&RoleInput::name);
  FieldSpec slug = field::string("slug", 64)
                       .length(1, 64)
                       .describe("a-z, 0-9, '_' and '-'")
                       .into(&RoleInput::slug);
  if (create) {
    name.required();
    slug.required();
  }
  return BodySchema{name, slug, field::string("description", 2000).into(&RoleInput::description)};
}

// The body of a create (POST) or of a change (PATCH), each built once.
const BodySchema& role_body(bool create) {
  static const BodySchema for_create = role_schema(true), for_update = role_schema(false);
  return create ? for_create : for_update;
}

const BodySchema& permission_ids_body() {
  static const BodySchema schema{field::array("permission_ids", field::uuid("permission_id"), 500)
                                     .required()
                                     .into(&PermissionIdsBody::permission_ids)};
  return schema;
}

}  // namespace

void register_role_routes(http::Router& router, RoleService& roles, const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Identity");
  g.resource(http::ResourceRoutes<Role>{
      .path = "/v1/roles",
      .member_path = "/v1/roles/:id",
      .resource = "roles",
      .list = http::call(roles, &RoleService::list),
      .create = http::call(roles, &RoleService::create, http::body_as<RoleInput>),
      .get = http::call(roles, &RoleService::get, http::id),
      .update = http::call(roles, &RoleService::update, http::id, http::body_as<RoleInput>),
      .remove = http::call(roles, &RoleService::remove, http::id),
      .shape = &role_shape(),
      .create_body = role_body(/*create=*/true),
      .update_body = role_body(/*create=*/false),
      .list_summary = "List roles",
      .create_summary = "Create a role (never a system role); duplicate slug: 409 SLUG_TAKEN",
      .get_summary = "One role",
      .update_summary = "Change a role's name, slug or description; a system role keeps its slug "
                        "(409 SYSTEM_ROLE)",
      .remove_summary =
          "Delete a role and its grants; a system role cannot be deleted (409 SYSTEM_ROLE)",
      .update_responses = {200, 404, 409},
      .remove_responses = {204, 404, 409}});

  g.list({.path = "/v1/roles/:id/permissions",
          .summary = "The permissions a role grants, with when each was granted",
          .permission = "roles:read",
          .responses = {200, 404}},
         role_permission_shape(), http::call(roles, &RoleService::permissions, http::id));

  g.add({.method = http::Method::kPut,
         .path = "/v1/roles/:id/permissions",
         .handler = [&roles](http::Request& req) -> Result<http::Response> {
           DL_ASSIGN_OR_RETURN(
               auto grants,
               roles.set_permissions(req.caller(), http::path_param(req, "id"),
                                     http::body_as<PermissionIdsBody>(req).permission_ids));
           return http::Response::json(200, {{"items", role_permission_shape().render_all(grants)},
                                             {"next_cursor", nullptr}});
         },
         .summary = "Set the full list of a role's permissions; answers the whole new list; "
                    "unknown ids: 400 with a detail per id",
         .permission = "roles:update",
         .body = http::json_body(permission_ids_body()),
         .responses = {200, 404},
         .returns = http::schema::page_of(role_permission_shape())});

  g.post({.path = "/v1/roles/:id/permissions/:permissionId",
          .summary = "Grant one permission to a role (201); granted already: 409 "
                     "ALREADY_GRANTED, which a retrying client may treat as success",
          .permission = "roles:update",
          .responses = {201, 404, 409}},
         role_permission_shape(),
         http::call(roles, &RoleService::grant, http::id, http::PathParam{"permissionId"}));

  g.del({.path = "/v1/roles/:id/permissions/:permissionId",
         .summary = "Revoke one permission from a role; not granted: 404 "
                    "PERMISSION_GRANT_NOT_FOUND",
         .permission = "roles:update",
         .responses = {204, 404}},
        http::call(roles, &RoleService::revoke, http::id, http::PathParam{"permissionId"}));
}

}  // namespace deltalabs::identity
