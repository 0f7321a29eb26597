#include "identity/role_handlers.h"

#include <boost/json.hpp>

#include "http/path_param.h"
#include "http/resource_routes.h"
#include "http/shaped_routes.h"
#include "identity/access_control_shapes.h"

namespace deltalabs::identity {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Identity";

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
  http::ResourceRoutes<Role> spec;
  spec.path = "/v1/roles";
  spec.member_path = "/v1/roles/:id";
  spec.resource = "roles";
  spec.tag = kTag;
  spec.list = [&roles](Request& req, const PageRequest& page) {
    return roles.list(req.caller(), page);
  };
  spec.create = [&roles](Request& req) {
    return roles.create(req.caller(), role_body(/*create=*/true).read<RoleInput>(req.json));
  };
  spec.get = [&roles](Request& req) { return roles.get(req.caller(), http::path_param(req)); };
  spec.update = [&roles](Request& req) {
    return roles.update(req.caller(), http::path_param(req),
                        role_body(/*create=*/false).read<RoleInput>(req.json));
  };
  spec.remove = [&roles](Request& req) {
    return roles.remove(req.caller(), http::path_param(req));
  };
  spec.shape = &role_shape();
  spec.id_of = [](const Role& r) { return r.id; };
  spec.create_body = role_body(/*create=*/true);
  spec.update_body = role_body(/*create=*/false);
  spec.list_summary = "List roles";
  spec.create_summary = "Create a role (never a system role); duplicate slug: 409 SLUG_TAKEN";
  spec.get_summary = "One role";
  spec.update_summary =
      "Change a role's name, slug or description; a system role keeps its slug (409 SYSTEM_ROLE)";
  spec.remove_summary =
      "Delete a role and its grants; a system role cannot be deleted (409 SYSTEM_ROLE)";
  spec.update_responses = {200, 404, 409};
  spec.remove_responses = {204, 404, 409};
  http::register_resource(router, cursors, std::move(spec));

  http::paged_list(router, cursors,
                   {.path = "/v1/roles/:id/permissions",
                    .summary = "The permissions a role grants, with when each was granted",
                    .tag = kTag,
                    .access = Access::kAuthenticated,
                    .permission = "roles:read",
                    .responses = {200, 404}},
                   role_permission_shape(), [&roles](Request& req, const PageRequest& page) {
                     return roles.permissions(req.caller(), http::path_param(req, "id"), page);
                   });

  router.add({.method = Method::kPut,
              .path = "/v1/roles/:id/permissions",
              .handler = [&roles](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(
                    auto grants,
                    roles.set_permissions(
                        req.caller(), http::path_param(req, "id"),
                        permission_ids_body().read<PermissionIdsBody>(req.json).permission_ids));
                return Response::json(200, {{"items", role_permission_shape().render_all(grants)},
                                            {"next_cursor", nullptr}});
              },
              .summary = "Set the full list of a role's permissions; answers the whole new list; "
                         "unknown ids: 400 with a detail per id",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "roles:update",
              .body = http::json_body(permission_ids_body()),
              .responses = {200, 404},
              .returns = http::schema::page_of(role_permission_shape())});

  http::action(router,
               {.method = Method::kPost,
                .path = "/v1/roles/:id/permissions/:permissionId",
                .summary = "Grant one permission to a role (201); granted already: 409 "
                           "ALREADY_GRANTED, which a retrying client may treat as success",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .permission = "roles:update",
                .responses = {201, 404, 409}},
               role_permission_shape(), [&roles](Request& req) {
                 return roles.grant(req.caller(), http::path_param(req, "id"),
                                    http::path_param(req, "permissionId"));
               });

  http::no_content(router,
                   {.method = Method::kDelete,
                    .path = "/v1/roles/:id/permissions/:permissionId",
                    .summary = "Revoke one permission from a role; not granted: 404 "
                               "PERMISSION_GRANT_NOT_FOUND",
                    .tag = kTag,
                    .access = Access::kAuthenticated,
                    .permission = "roles:update",
                    .responses = {204, 404}},
                   [&roles](Request& req) {
                     return roles.revoke(req.caller(), http::path_param(req, "id"),
                                         http::path_param(req, "permissionId"));
                   });
}

}  // namespace deltalabs::identity
