#include "identity/organization_type_handlers.h"

#include "http/json_fields.h"
#include "http/path_param.h"
#include "http/resource_routes.h"
#include "identity/access_control_json.h"

namespace deltalabs::identity {

namespace {

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
  http::ResourceRoutes<OrganizationType> spec;
  spec.path = "/v1/organization-types";
  spec.resource = "organization_types";
  spec.tag = "Identity";
  spec.list = [&types](http::Request& req, const PageRequest& page) {
    return types.list(req.caller(), page);
  };
  spec.create = [&types](http::Request& req) {
    return types.create(req.caller(), type_input(req.json.as_object()));
  };
  spec.get = [&types](http::Request& req) {
    return types.get(req.caller(), http::path_param(req));
  };
  spec.update = [&types](http::Request& req) {
    return types.update(req.caller(), http::path_param(req), type_input(req.json.as_object()));
  };
  spec.remove = [&types](http::Request& req) {
    return types.remove(req.caller(), http::path_param(req));
  };
  spec.shape = &organization_type_shape();
  spec.id_of = [](const OrganizationType& t) { return t.id; };
  spec.create_body = BodySchema(type_fields(true));
  spec.update_body = BodySchema(type_fields(false));
  spec.list_summary = "List organization types";
  spec.create_summary = "Create an organization type; duplicate slug: 409 SLUG_TAKEN";
  spec.get_summary = "One organization type";
  spec.update_summary = "Change an organization type's name, slug or description";
  spec.remove_summary = "Delete an organization type; while organizations use it: 409 TYPE_IN_USE";
  spec.update_responses = {200, 404, 409};
  spec.remove_responses = {204, 404, 409};
  http::register_resource(router, cursors, std::move(spec));
}

}  // namespace deltalabs::identity
