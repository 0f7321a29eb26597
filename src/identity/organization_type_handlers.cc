#include "identity/organization_type_handlers.h"

#include "http/path_param.h"
#include "http/resource_routes.h"
#include "identity/access_control_shapes.h"

namespace deltalabs::identity {

namespace {

BodySchema type_schema(bool create) {
  FieldSpec name = field::string("name", 100).length(1, 100).into(&OrganizationTypeInput::name);
  FieldSpec slug = field::string("slug", 64)
                       .length(1, 64)
                       .describe("a-z, 0-9, '_' and '-'")
                       .into(&OrganizationTypeInput::slug);
  if (create) {
    name.required();
    slug.required();
  }
  return BodySchema{name, slug,
                    field::string("description", 2000).into(&OrganizationTypeInput::description)};
}

// The body of a create (POST) or of a change (PATCH), each built once.
const BodySchema& type_body(bool create) {
  static const BodySchema for_create = type_schema(true), for_update = type_schema(false);
  return create ? for_create : for_update;
}

}  // namespace

void register_organization_type_routes(http::Router& router, OrganizationTypeService& types,
                                       const CursorCodec& cursors) {
  http::ResourceRoutes<OrganizationType> spec;
  spec.path = "/v1/organization-types";
  spec.member_path = "/v1/organization-types/:id";
  spec.resource = "organization_types";
  spec.tag = "Identity";
  spec.list = [&types](http::Request& req, const PageRequest& page) {
    return types.list(req.caller(), page);
  };
  spec.create = [&types](http::Request& req) {
    return types.create(req.caller(),
                        type_body(/*create=*/true).read<OrganizationTypeInput>(req.json));
  };
  spec.get = [&types](http::Request& req) {
    return types.get(req.caller(), http::path_param(req));
  };
  spec.update = [&types](http::Request& req) {
    return types.update(req.caller(), http::path_param(req),
                        type_body(/*create=*/false).read<OrganizationTypeInput>(req.json));
  };
  spec.remove = [&types](http::Request& req) {
    return types.remove(req.caller(), http::path_param(req));
  };
  spec.shape = &organization_type_shape();
  spec.id_of = [](const OrganizationType& t) { return t.id; };
  spec.create_body = type_body(/*create=*/true);
  spec.update_body = type_body(/*create=*/false);
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
