#include "identity/role_handlers.h"

#include <boost/json.hpp>

#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/path_param.h"
#include "http/resource_routes.h"
#include "identity/access_control_json.h"

namespace deltalabs::identity {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Identity";

// What a client may set on a role; is_system is never theirs to set.
std::vector<FieldSpec> role_fields(bool create) {
  FieldSpec name = field::string("name", 100).length(1, 100);
  FieldSpec slug = field::string("slug", 64).length(1, 64).describe("a-z, 0-9, '_' and '-'");
  if (create) {
    name.required();
    slug.required();
  }
  return {name, slug, field::string("description", 2000)};
}

RoleInput role_input(const boost::json::object& b) {
  return RoleInput{http::optional_string(b, "slug"), http::optional_string(b, "name"),
                   http::optional_string(b, "description")};
}

}  // namespace

void register_role_routes(http::Router& router, RoleService& roles, const CursorCodec& cursors) {
  http::ResourceRoutes<Role> spec;
  spec.path = "/v1/roles";
  spec.resource = "roles";
  spec.tag = kTag;
  spec.list = [&roles](Request& req, const PageRequest& page) {
    return roles.list(req.caller(), page);
  };
  spec.create = [&roles](Request& req) {
    return roles.create(req.caller(), role_input(req.json.as_object()));
  };
  spec.get = [&roles](Request& req) { return roles.get(req.caller(), http::path_param(req)); };
  spec.update = [&roles](Request& req) {
    return roles.update(req.caller(), http::path_param(req), role_input(req.json.as_object()));
  };
  spec.remove = [&roles](Request& req) {
    return roles.remove(req.caller(), http::path_param(req));
  };
  spec.shape = &role_shape();
  spec.id_of = [](const Role& r) { return r.id; };
  spec.create_body = BodySchema(role_fields(true));
  spec.update_body = BodySchema(role_fields(false));
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

  router.add({.method = Method::kGet,
              .path = "/v1/roles/:id/permissions",
              .handler = [&roles, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(
                    Page<RolePermission> result,
                    roles.permissions(req.caller(), http::path_param(req, "id"), page));
                return http::page_response(result, role_permission_shape(), cursors);
              },
              .summary = "The permissions a role grants, with when each was granted",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "roles:read",
              .query = http::page_query(),
              .responses = {200, 404},
              .returns = http::schema::page_of(role_permission_shape())});

  router.add({.method = Method::kPut,
              .path = "/v1/roles/:id/permissions",
              .handler = [&roles](Request& req) -> Result<Response> {
                const auto ids = http::optional_strings(req.json.as_object(), "permission_ids");
                DL_ASSIGN_OR_RETURN(
                    auto grants, roles.set_permissions(req.caller(), http::path_param(req, "id"),
                                                       ids.value_or(std::vector<std::string>{})));
                return Response::json(200, {{"items", role_permission_shape().render_all(grants)},
                                            {"next_cursor", nullptr}});
              },
              .summary = "Set the full list of a role's permissions; answers the whole new list; "
                         "unknown ids: 400 with a detail per id",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "roles:update",
              .body = http::json_body(
                  {field::array("permission_ids", field::uuid("permission_id"), 500).required()}),
              .responses = {200, 404},
              .returns = http::schema::page_of(role_permission_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/roles/:id/permissions/:permissionId",
              .handler = [&roles](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(RolePermission g,
                                    roles.grant(req.caller(), http::path_param(req, "id"),
                                                http::path_param(req, "permissionId")));
                return Response::json(201, role_permission_shape().render(g));
              },
              .summary = "Grant one permission to a role (201); granted already: 409 "
                         "ALREADY_GRANTED, which a retrying client may treat as success",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "roles:update",
              .responses = {201, 404, 409},
              .returns = http::schema::ref(role_permission_shape())});

  router.add({.method = Method::kDelete,
              .path = "/v1/roles/:id/permissions/:permissionId",
              .handler = [&roles](Request& req) -> Result<Response> {
                DL_TRY(roles.revoke(req.caller(), http::path_param(req, "id"),
                                    http::path_param(req, "permissionId")));
                return Response::no_content();
              },
              .summary = "Revoke one permission from a role; not granted: 404 "
                         "PERMISSION_GRANT_NOT_FOUND",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "roles:update",
              .responses = {204, 404}});
}

}  // namespace deltalabs::identity
