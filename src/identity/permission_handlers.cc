#include "identity/permission_handlers.h"

#include "http/path_param.h"
#include "http/resource_routes.h"
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
  http::ResourceRoutes<Permission> spec;
  spec.path = "/v1/permissions";
  spec.member_path = "/v1/permissions/:id";
  spec.resource = "permissions";
  spec.tag = "Identity";
  spec.filters = {{"resource", "string", "Only permissions on this resource"}};
  spec.list = [&permissions](http::Request& req, const PageRequest& page) {
    return permissions.list(req.caller(), req.query("resource"), page);
  };
  spec.create = [&permissions](http::Request& req) {
    return permissions.create(req.caller(), permission_create_body().read<NewPermission>(req.json));
  };
  spec.get = [&permissions](http::Request& req) {
    return permissions.get(req.caller(), http::path_param(req));
  };
  spec.update = [&permissions](http::Request& req) {
    return permissions.update(req.caller(), http::path_param(req),
                              permission_update_body().read<PermissionChange>(req.json));
  };
  spec.remove = [&permissions](http::Request& req) {
    return permissions.remove(req.caller(), http::path_param(req));
  };
  spec.shape = &permission_shape();
  spec.id_of = [](const Permission& p) { return p.id; };
  spec.create_body = permission_create_body();
  spec.update_body = permission_update_body();
  spec.list_summary = "List permissions";
  spec.create_summary =
      "Create a permission; slug must equal resource:action (400); duplicate slug: 409 SLUG_TAKEN";
  spec.get_summary = "One permission";
  spec.update_summary =
      "Change a permission's name or description (slug, resource and action are fixed: code "
      "checks the slug)";
  spec.remove_summary = "Delete a permission; while a role grants it: 409 PERMISSION_IN_USE";
  spec.remove_responses = {204, 404, 409};
  http::register_resource(router, cursors, std::move(spec));
}

}  // namespace deltalabs::identity
