#include "identity/organization_handlers.h"

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

// What POST and PATCH /v1/organizations read; input() makes the service's
// OrganizationInput.
struct OrganizationBody {
  std::optional<std::string> type_id;
  std::optional<std::optional<std::string>> parent_id;  // sent, possibly null
  std::optional<std::string> name;
  std::optional<std::string> slug;
  std::optional<std::string> settings;  // JSON object text

  OrganizationInput input() const {
    return {.type_id = type_id,
            .parent_set = parent_id.has_value(),
            .parent_id = parent_id.value_or(std::nullopt),
            .name = name,
            .slug = slug,
            .settings = settings};
  }
};

// What POST /v1/organizations/:id/members reads.
struct MemberBody {
  std::string user_id;
  std::optional<std::string> role_id;
};

BodySchema organization_schema(bool create) {
  FieldSpec type_id = field::uuid("type_id").into(&OrganizationBody::type_id);
  FieldSpec name = field::string("name", 200).length(1, 200).into(&OrganizationBody::name);
  FieldSpec slug = field::string("slug", 64)
                       .length(1, 64)
                       .describe("a-z, 0-9, '_' and '-'")
                       .into(&OrganizationBody::slug);
  FieldSpec parent = field::uuid("parent_id")
                         .nullable()
                         .describe("null: a top-level organization")
                         .into(&OrganizationBody::parent_id);
  if (create) {
    type_id.required();
    name.required();
    slug.required();
  }
  return BodySchema{type_id, name, slug, parent,
                    field::any_object("settings").into(&OrganizationBody::settings)};
}

// The body of a create (POST) or of a change (PATCH), each built once.
const BodySchema& organization_body(bool create) {
  static const BodySchema for_create = organization_schema(true),
                          for_update = organization_schema(false);
  return create ? for_create : for_update;
}

const BodySchema& member_body() {
  static const BodySchema schema{field::uuid("user_id").required().into(&MemberBody::user_id),
                                 field::uuid("role_id").nullable().into(&MemberBody::role_id)};
  return schema;
}

}  // namespace

void register_organization_routes(http::Router& router, OrganizationService& organizations,
                                  OrganizationMemberService& members, const CursorCodec& cursors) {
  http::ResourceRoutes<Organization> spec;
  spec.path = "/v1/organizations";
  spec.member_path = "/v1/organizations/:id";
  spec.resource = "organizations";
  spec.tag = kTag;
  spec.filters = {{"type_id", "string", "Only organizations of this type"},
                  {"parent_id", "string", "Only children of this organization"}};
  spec.list = [&organizations](Request& req, const PageRequest& page) {
    return organizations.list(req.caller(), {req.query("type_id"), req.query("parent_id")}, page);
  };
  spec.create = [&organizations](Request& req) {
    return organizations.create(
        req.caller(), organization_body(/*create=*/true).read<OrganizationBody>(req.json).input());
  };
  spec.get = [&organizations](Request& req) {
    return organizations.get(req.caller(), http::path_param(req));
  };
  spec.update = [&organizations](Request& req) {
    return organizations.update(
        req.caller(), http::path_param(req),
        organization_body(/*create=*/false).read<OrganizationBody>(req.json).input());
  };
  spec.remove = [&organizations](Request& req) {
    return organizations.remove(req.caller(), http::path_param(req));
  };
  spec.shape = &organization_shape();
  spec.id_of = [](const Organization& o) { return o.id; };
  spec.create_body = organization_body(/*create=*/true);
  spec.update_body = organization_body(/*create=*/false);
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

  http::paged_list(router, cursors,
                   {.path = "/v1/organizations/:id/members",
                    .summary = "Members of an organization with their scoped roles",
                    .tag = kTag,
                    .access = Access::kAuthenticated,
                    .permission = "organizations:members",
                    .responses = {200, 404}},
                   membership_shape(), [&members](Request& req, const PageRequest& page) {
                     return members.list(req.caller(), http::path_param(req, "id"), page);
                   });

  http::action(router,
               {.method = Method::kPost,
                .path = "/v1/organizations/:id/members",
                .summary = "Add a member, optionally with a role scoped to this organization; "
                           "once per user (409 ALREADY_MEMBER); a role granting more than you "
                           "hold here: 403 ROLE_BEYOND_YOUR_PERMISSIONS",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .permission = "organizations:members",
                .body = http::json_body(member_body()),
                .responses = {201, 404, 409}},
               membership_shape(), [&members](Request& req) {
                 const auto in = member_body().read<MemberBody>(req.json);
                 return members.add(req.caller(), http::path_param(req, "id"), in.user_id,
                                    in.role_id);
               });

  http::no_content(router,
                   {.method = Method::kDelete,
                    .path = "/v1/organizations/:id/members/:userId",
                    .summary = "Remove a member; not a member: 404 MEMBER_NOT_FOUND",
                    .tag = kTag,
                    .access = Access::kAuthenticated,
                    .permission = "organizations:members",
                    .responses = {204, 404}},
                   [&members](Request& req) {
                     return members.remove(req.caller(), http::path_param(req, "id"),
                                           http::path_param(req, "userId"));
                   });
}

}  // namespace deltalabs::identity
