#include "identity/permission_handlers.h"

#include <boost/json.hpp>

#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/path_param.h"
#include "identity/access_control_json.h"

namespace deltalabs::identity {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Identity";

}  // namespace

void register_permission_routes(http::Router& router, PermissionService& permissions,
                                const CursorCodec& cursors) {
  router.add(
      {.method = Method::kGet,
       .path = "/v1/permissions",
       .handler = [&permissions, &cursors](Request& req) -> Result<Response> {
         DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
         DL_ASSIGN_OR_RETURN(Page<Permission> result,
                             permissions.list(req.caller(), req.query("resource"), page));
         return http::page_response(result, permission_json, cursors);
       },
       .summary = "List permissions",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .permission = "permissions:list",
       .query = http::page_query({{"resource", "string", "Only permissions on this resource"}})});

  router.add({.method = Method::kPost,
              .path = "/v1/permissions",
              .handler = [&permissions](Request& req) -> Result<Response> {
                const auto& b = req.json.as_object();
                NewPermission input{
                    http::required_string(b, "slug"), http::required_string(b, "name"),
                    http::required_string(b, "resource"), http::required_string(b, "action"),
                    http::optional_string(b, "description").value_or("")};
                DL_ASSIGN_OR_RETURN(Permission p, permissions.create(req.caller(), input));
                return Response::json(201, permission_json(p))
                    .header("Location", "/v1/permissions/" + p.id);
              },
              .summary = "Create a permission; slug must equal resource:action (400); duplicate "
                         "slug: 409 SLUG_TAKEN",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "permissions:create",
              .body = http::json_body({field::string("name", 100).length(1, 100).required(),
                                       field::string("slug", 129).length(3, 129).required(),
                                       field::string("resource", 64).length(1, 64).required(),
                                       field::string("action", 64).length(1, 64).required(),
                                       field::string("description", 2000)}),
              .responses = {201, 409}});

  router.add({.method = Method::kGet,
              .path = "/v1/permissions/:id",
              .handler = [&permissions](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Permission p,
                                    permissions.get(req.caller(), http::path_param(req)));
                return Response::json(200, permission_json(p));
              },
              .summary = "One permission",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "permissions:read",
              .responses = {200, 404}});

  router.add({.method = Method::kPatch,
              .path = "/v1/permissions/:id",
              .handler = [&permissions](Request& req) -> Result<Response> {
                const auto& b = req.json.as_object();
                PermissionChange change{http::optional_string(b, "name"),
                                        http::optional_string(b, "description")};
                DL_ASSIGN_OR_RETURN(
                    Permission p, permissions.update(req.caller(), http::path_param(req), change));
                return Response::json(200, permission_json(p));
              },
              .summary = "Change a permission's name or description (slug, resource and action are "
                         "fixed: code checks the slug)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "permissions:update",
              .body = http::json_body(
                  {field::string("name", 100).length(1, 100), field::string("description", 2000)}),
              .responses = {200, 404}});

  router.add({.method = Method::kDelete,
              .path = "/v1/permissions/:id",
              .handler = [&permissions](Request& req) -> Result<Response> {
                DL_TRY(permissions.remove(req.caller(), http::path_param(req)));
                return Response::no_content();
              },
              .summary = "Delete a permission; while a role grants it: 409 PERMISSION_IN_USE",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "permissions:delete",
              .responses = {204, 404, 409}});
}

}  // namespace deltalabs::identity
