#include "identity/access_control_shapes.h"

#include <boost/json.hpp>

#include "http/json_fields.h"
#include "http/shape_fields.h"
#include "identity/identity_shapes.h"

namespace deltalabs::identity {

namespace s = http::schema;

DL_JSON_SHAPE(role_shape, Role, "Role",
              {DL_SHAPE_FIELDS(Role, (id, uuid), (slug, string), (name, string),
                               (description, string), (is_system, boolean), (created_at, timestamp),
                               (updated_at, timestamp))})

DL_JSON_SHAPE(permission_shape, Permission, "Permission",
              {DL_SHAPE_FIELDS(Permission, (id, uuid), (slug, string), (name, string),
                               (resource, string), (action, string), (description, string),
                               (created_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(role_permission_shape, RolePermission, "RolePermission",
              http::concat(http::fields_of(permission_shape(), &RolePermission::permission),
                           {DL_SHAPE_FIELDS(RolePermission, (granted_at, timestamp))}))

DL_JSON_SHAPE(organization_type_shape, OrganizationType, "OrganizationType",
              {DL_SHAPE_FIELDS(OrganizationType, (id, uuid), (slug, string), (name, string),
                               (description, string), (created_at, timestamp),
                               (updated_at, timestamp))})

DL_JSON_SHAPE(organization_shape, Organization, "Organization",
              {DL_SHAPE_FIELDS(Organization, (id, uuid), (type_id, uuid), (parent_id, uuid),
                               (name, string), (slug, string)),
               {"settings", s::any_object(),
                [](const Organization& o) { return http::object_or_empty(o.settings); }},
               DL_SHAPE_FIELDS(Organization, (created_at, timestamp), (updated_at, timestamp))})

namespace {

DL_JSON_SHAPE(member_user_shape, MemberUser, "MemberUser",
              {DL_SHAPE_FIELDS(MemberUser, (id, uuid), (email, string), (username, string),
                               (first_name, string), (last_name, string))})

}  // namespace

DL_JSON_SHAPE(
    membership_shape, Membership, "Membership",
    {DL_SHAPE_FIELDS(Membership, (organization_id, uuid)),
     {"user_id", s::uuid(), [](const Membership& m) { return boost::json::value(m.user.id); }},
     {"user", s::ref(member_user_shape()),
      [](const Membership& m) { return boost::json::value(member_user_shape().render(m.user)); }},
     {"role", s::nullable(s::ref(role_ref_shape())),
      [](const Membership& m) {
        return m.role ? boost::json::value(role_ref_shape().render(*m.role))
                      : boost::json::value(nullptr);
      }},
     DL_SHAPE_FIELDS(Membership, (joined_at, timestamp))})

}  // namespace deltalabs::identity
