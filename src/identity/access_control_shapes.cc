#include "identity/access_control_shapes.h"

#include <boost/json.hpp>

#include "http/json_fields.h"
#include "identity/identity_shapes.h"

namespace deltalabs::identity {

namespace s = http::schema;

const http::JsonShape<Role>& role_shape() {
  static const http::JsonShape<Role> shape("Role",
                                           {{"id", s::uuid(), &Role::id},
                                            {"slug", s::string(), &Role::slug},
                                            {"name", s::string(), &Role::name},
                                            {"description", s::string(), &Role::description},
                                            {"is_system", s::boolean(), &Role::is_system},
                                            {"created_at", s::timestamp(), &Role::created_at},
                                            {"updated_at", s::timestamp(), &Role::updated_at}});
  return shape;
}

const http::JsonShape<Permission>& permission_shape() {
  static const http::JsonShape<Permission> shape(
      "Permission", {{"id", s::uuid(), &Permission::id},
                     {"slug", s::string(), &Permission::slug},
                     {"name", s::string(), &Permission::name},
                     {"resource", s::string(), &Permission::resource},
                     {"action", s::string(), &Permission::action},
                     {"description", s::string(), &Permission::description},
                     {"created_at", s::timestamp(), &Permission::created_at},
                     {"updated_at", s::timestamp(), &Permission::updated_at}});
  return shape;
}

const http::JsonShape<RolePermission>& role_permission_shape() {
  static const http::JsonShape<RolePermission> shape(
      "RolePermission",
      http::concat(http::fields_of(permission_shape(), &RolePermission::permission),
                   {{"granted_at", s::timestamp(), &RolePermission::granted_at}}));
  return shape;
}

const http::JsonShape<OrganizationType>& organization_type_shape() {
  static const http::JsonShape<OrganizationType> shape(
      "OrganizationType", {{"id", s::uuid(), &OrganizationType::id},
                           {"slug", s::string(), &OrganizationType::slug},
                           {"name", s::string(), &OrganizationType::name},
                           {"description", s::string(), &OrganizationType::description},
                           {"created_at", s::timestamp(), &OrganizationType::created_at},
                           {"updated_at", s::timestamp(), &OrganizationType::updated_at}});
  return shape;
}

const http::JsonShape<Organization>& organization_shape() {
  static const http::JsonShape<Organization> shape(
      "Organization", {{"id", s::uuid(), &Organization::id},
                       {"type_id", s::uuid(), &Organization::type_id},
                       {"parent_id", s::uuid(), &Organization::parent_id},
                       {"name", s::string(), &Organization::name},
                       {"slug", s::string(), &Organization::slug},
                       {"settings", s::any_object(),
                        [](const Organization& o) { return http::object_or_empty(o.settings); }},
                       {"created_at", s::timestamp(), &Organization::created_at},
                       {"updated_at", s::timestamp(), &Organization::updated_at}});
  return shape;
}

namespace {

const http::JsonShape<MemberUser>& member_user_shape() {
  static const http::JsonShape<MemberUser> shape(
      "MemberUser", {{"id", s::uuid(), &MemberUser::id},
                     {"email", s::string(), &MemberUser::email},
                     {"username", s::string(), &MemberUser::username},
                     {"first_name", s::string(), &MemberUser::first_name},
                     {"last_name", s::string(), &MemberUser::last_name}});
  return shape;
}

}  // namespace

const http::JsonShape<Membership>& membership_shape() {
  static const http::JsonShape<Membership> shape(
      "Membership",
      {{"organization_id", s::uuid(), &Membership::organization_id},
       {"user_id", s::uuid(), [](const Membership& m) { return boost::json::value(m.user.id); }},
       {"user", s::ref(member_user_shape()),
        [](const Membership& m) { return boost::json::value(member_user_shape().render(m.user)); }},
       {"role", s::nullable(s::ref(role_ref_shape())),
        [](const Membership& m) {
          return m.role ? boost::json::value(role_ref_shape().render(*m.role))
                        : boost::json::value(nullptr);
        }},
       {"joined_at", s::timestamp(), &Membership::joined_at}});
  return shape;
}

}  // namespace deltalabs::identity
