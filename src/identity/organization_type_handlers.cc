#include "identity/organization_type_handlers.h"

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

std::vector<FieldSpec> type_fields(bool create) {
  FieldSpec name = field::string("name", 100).length(1, 100);
  FieldSpec slug = field::string("slug", 64).length(1, 64).describe("a-z, 0-9, '_' and '-'");
  if (create) {
    name.required();
    slug.required();
  }
  return {name, slug, field::string("description", 2000)};
}

OrganizationTypeInput type_input(const boost::json::object& b) {
  return OrganizationTypeInput{http::optional_string(b, "slug"), http::optional_string(b, "name"),
                               http::optional_string(b, "description")};
}

}  // namespace

void register_organization_type_routes(http::Router& router, OrganizationTypeService& types,
                                       const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/organization-types",
              .handler = [&types, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(Page<OrganizationType> result, types.list(req.caller(), page));
                return http::page_response(result, organization_type_json, cursors);
              },
              .summary = "List organization types",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "organization_types:list",
              .query = http::page_query()});

  router.add({.method = Method::kPost,
              .path = "/v1/organization-types",
              .handler = [&types](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(OrganizationType t,
                                    types.create(req.caller(), type_input(req.json.as_object())));
                return Response::json(201, organization_type_json(t))
                    .header("Location", "/v1/organization-types/" + t.id);
              },
              .summary = "Create an organization type; duplicate slug: 409 SLUG_TAKEN",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "organization_types:create",
              .body = http::json_body(BodySchema(type_fields(true))),
              .responses = {201, 409}});

  router.add({.method = Method::kGet,
              .path = "/v1/organization-types/:id",
              .handler = [&types](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(OrganizationType t,
                                    types.get(req.caller(), http::path_param(req)));
                return Response::json(200, organization_type_json(t));
              },
              .summary = "One organization type",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "organization_types:read",
              .responses = {200, 404}});

  router.add({.method = Method::kPatch,
              .path = "/v1/organization-types/:id",
              .handler = [&types](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(OrganizationType t,
                                    types.update(req.caller(), http::path_param(req),
                                                 type_input(req.json.as_object())));
                return Response::json(200, organization_type_json(t));
              },
              .summary = "Change an organization type's name, slug or description",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "organization_types:update",
              .body = http::json_body(BodySchema(type_fields(false))),
              .responses = {200, 404, 409}});

  router.add({.method = Method::kDelete,
              .path = "/v1/organization-types/:id",
              .handler = [&types](Request& req) -> Result<Response> {
                DL_TRY(types.remove(req.caller(), http::path_param(req)));
                return Response::no_content();
              },
              .summary = "Delete an organization type; while organizations use it: 409 TYPE_IN_USE",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "organization_types:delete",
              .responses = {204, 404, 409}});
}

}  // namespace deltalabs::identity
