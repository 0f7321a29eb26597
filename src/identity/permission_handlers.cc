#include "identity/permission_handlers.h"

#include "http/resource_routes.h"
#include "http/route_group.h"
#include "identity/access_control_shapes.h"

namespace deltalabs::identity {

namespace {

const BodySchema& permission_create_body() {
  static const BodySchema schema{
      field::string("name", 100).length(1, 100).required().into(&NewPermission::name),
      field::string("slug", 129).length(3, 129).required().into(&NewPermission::slug),
      field::string("resource", 64).length(1, 64).required().into(&NewPermission::resource),
      field::string("action", 64).length(1, 64).required().into(&NewPermission::action),
      field::string("description", 2000).into(&NewPermission::description)};
  return schema;
}

const BodySchema& permission_update_body() {
  static const BodySchema schema{
      field::string("name", 100).length(1, 100).into(&PermissionChange::name),
      field::string("description", 2000).into(&PermissionChange::description)};
  return schema;
}

}  // namespace

void register_permission_routes(http::Router& router, PermissionService& permissions,
                                const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Identity");
  g.resource(http::ResourceRoutes<Permission>{
      .path = "/v1/permissions",
      .member_path = "/v1/permissions/:id",
      .resource = "permissions",
      .filters = {{"resource", "string", "Only permissions on this resource"}},
      .list =
          [&permissions](http::Request& req, const PageRequest& page) {
            return permissions.list(req.caller(), req.query("resource"), page);
          },
      .create = http::call(permissions, &PermissionService::create, http::body_as<NewPermission>),
      .get = http::call(permissions, &PermissionService::get, http::id),
      .update = http::call(permissions, &PermissionService::update, http::id,
                           http::body_as<PermissionChange>),
      .remove = http::call(permissions, &PermissionService::remove, http::id),
      .shape = &permission_shape(),
      .create_body = permission_create_body(),
      .update_body = permission_update_body(),
      .list_summary = "List permissions",
      .create_summary = "Create a permission; slug must equal resource:action (400); duplicate "
                        "slug: 409 SLUG_TAKEN",
      .get_summary = "One permission",
      .update_summary =
          "Change a permission's name or description (slug, resource and action are fixed: code "
          "checks the slug)",
      .remove_summary = "Delete a permission; while a role grants it: 409 PERMISSION_IN_USE",
      .remove_responses = {204, 404, 409}});
}

}  // namespace deltalabs::identity
