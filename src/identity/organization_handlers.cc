#include "identity/organization_handlers.h"

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

std::vector<FieldSpec> organization_fields(bool create) {
  FieldSpec type_id = field::uuid("type_id");
  FieldSpec name = field::string("name", 200).length(1, 200);
  FieldSpec slug = field::string("slug", 64).length(1, 64).describe("a-z, 0-9, '_' and '-'");
  FieldSpec parent = field::uuid("parent_id").nullable().describe("null: a top-level organization");
  if (create) {
    type_id.required();
    name.required();
    slug.required();
  }
  return {type_id, name, slug, parent, field::any_object("settings")};
}

OrganizationInput organization_input(const boost::json::object& b) {
  OrganizationInput in;
  in.type_id = http::optional_string(b, "type_id");
  in.parent_set = http::has_field(b, "parent_id");
  in.parent_id = http::optional_string(b, "parent_id");
  in.name = http::optional_string(b, "name");
  in.slug = http::optional_string(b, "slug");
  in.settings = http::optional_json_text(b, "settings");
  return in;
}

}  // namespace

void register_organization_routes(http::Router& router, OrganizationService& organizations,
                                  OrganizationMemberService& members, const CursorCodec& cursors) {
  http::ResourceRoutes<Organization> spec;
  spec.path = "/v1/organizations";
  spec.resource = "organizations";
  spec.tag = kTag;
  spec.filters = {{"type_id", "string", "Only organizations of this type"},
                  {"parent_id", "string", "Only children of this organization"}};
  spec.list = [&organizations](Request& req, const PageRequest& page) {
    return organizations.list(req.caller(), {req.query("type_id"), req.query("parent_id")}, page);
  };
  spec.create = [&organizations](Request& req) {
    return organizations.create(req.caller(), organization_input(req.json.as_object()));
  };
  spec.get = [&organizations](Request& req) {
    return organizations.get(req.caller(), http::path_param(req));
  };
  spec.update = [&organizations](Request& req) {
    return organizations.update(req.caller(), http::path_param(req),
                                organization_input(req.json.as_object()));
  };
  spec.remove = [&organizations](Request& req) {
    return organizations.remove(req.caller(), http::path_param(req));
  };
  spec.shape = &organization_shape();
  spec.id_of = [](const Organization& o) { return o.id; };
  spec.create_body = BodySchema(organization_fields(true));
  spec.update_body = BodySchema(organization_fields(false));
  spec.list_summary = "List organizations";
  spec.create_summary =
      "Create an organization (organizations:create globally or in the parent); unknown type or "
      "parent: 400; duplicate slug: 409 SLUG_TAKEN";
  spec.get_summary = "One organization (organizations:read globally or in it)";
  spec.update_summary =
      "Change an organization (organizations:update globally or in it; a new parent also needs "
      "organizations:create there); parent_id itself or a descendant: 400 PARENT_CYCLE";
  spec.remove_summary =
      "Delete an organization and its memberships; while it has child organizations: 409 "
      "HAS_CHILDREN";
  spec.update_responses = {200, 404, 409};
  spec.remove_responses = {204, 404, 409};
  http::register_resource(router, cursors, std::move(spec));

  router.add({.method = Method::kGet,
              .path = "/v1/organizations/:id/members",
              .handler = [&members, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(Page<Membership> result,
                                    members.list(req.caller(), http::path_param(req, "id"), page));
                return http::page_response(result, membership_shape(), cursors);
              },
              .summary = "Members of an organization with their scoped roles",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "organizations:members",
              .query = http::page_query(),
              .responses = {200, 404},
              .returns = http::schema::page_of(membership_shape())});

  router.add(
      {.method = Method::kPost,
       .path = "/v1/organizations/:id/members",
       .handler = [&members](Request& req) -> Result<Response> {
         const auto& b = req.json.as_object();
         DL_ASSIGN_OR_RETURN(Membership m, members.add(req.caller(), http::path_param(req, "id"),
                                                       http::required_string(b, "user_id"),
                                                       http::optional_string(b, "role_id")));
         return Response::json(201, membership_shape().render(m));
       },
       .summary = "Add a member, optionally with a role scoped to this organization; once "
                  "per user (409 ALREADY_MEMBER); a role granting more than you hold here: "
                  "403 ROLE_BEYOND_YOUR_PERMISSIONS",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .permission = "organizations:members",
       .body =
           http::json_body({field::uuid("user_id").required(), field::uuid("role_id").nullable()}),
       .responses = {201, 404, 409},
       .returns = http::schema::ref(membership_shape())});

  router.add({.method = Method::kDelete,
              .path = "/v1/organizations/:id/members/:userId",
              .handler = [&members](Request& req) -> Result<Response> {
                DL_TRY(members.remove(req.caller(), http::path_param(req, "id"),
                                      http::path_param(req, "userId")));
                return Response::no_content();
              },
              .summary = "Remove a member; not a member: 404 MEMBER_NOT_FOUND",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "organizations:members",
              .responses = {204, 404}});
}

}  // namespace deltalabs::identity
