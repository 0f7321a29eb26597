#include "identity/organization_type_handlers.h"

#include "http/resource_routes.h"
#include "http/route_group.h"
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
  const http::RouteGroup g(router, cursors, "Identity");
  g.resource(http::ResourceRoutes<OrganizationType>{
      .path = "/v1/organization-types",
      .member_path = "/v1/organization-types/:id",
      .resource = "organization_types",
      .list = http::call(types, &OrganizationTypeService::list),
      .create =
          http::call(types, &OrganizationTypeService::create, http::body_as<OrganizationTypeInput>),
      .get = http::call(types, &OrganizationTypeService::get, http::id),
      .update = http::call(types, &OrganizationTypeService::update, http::id,
                           http::body_as<OrganizationTypeInput>),
      .remove = http::call(types, &OrganizationTypeService::remove, http::id),
      .shape = &organization_type_shape(),
      .create_body = type_body(/*create=*/true),
      .update_body = type_body(/*create=*/false),
      .list_summary = "List organization types",
      .create_summary = "Create an organization type; duplicate slug: 409 SLUG_TAKEN",
      .get_summary = "One organization type",
      .update_summary = "Change an organization type's name, slug or description",
      .remove_summary = "Delete an organization type; while organizations use it: 409 TYPE_IN_USE",
      .update_responses = {200, 404, 409},
      .remove_responses = {204, 404, 409}});
}

}  // namespace deltalabs::identity
