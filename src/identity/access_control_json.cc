#include "identity/access_control_json.h"

#include <boost/json.hpp>

#include "http/json_fields.h"

namespace deltalabs::identity {

boost::json::object role_json(const Role& r) {
  return {{"id", r.id},
          {"slug", r.slug},
          {"name", r.name},
          {"description", r.description},
          {"is_system", r.is_system},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

boost::json::object permission_json(const Permission& p) {
  return {{"id", p.id},
          {"slug", p.slug},
          {"name", p.name},
          {"resource", p.resource},
          {"action", p.action},
          {"description", p.description},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

boost::json::object role_permission_json(const RolePermission& g) {
  boost::json::object o = permission_json(g.permission);
  o["granted_at"] = g.granted_at;
  return o;
}

boost::json::object organization_type_json(const OrganizationType& t) {
  return {{"id", t.id},
          {"slug", t.slug},
          {"name", t.name},
          {"description", t.description},
          {"created_at", t.created_at},
          {"updated_at", t.updated_at}};
}

boost::json::object organization_json(const Organization& o) {
  return {{"id", o.id},
          {"type_id", o.type_id},
          {"parent_id", http::text_or_null(o.parent_id)},
          {"name", o.name},
          {"slug", o.slug},
          {"settings", http::object_or_empty(o.settings)},
          {"created_at", o.created_at},
          {"updated_at", o.updated_at}};
}

boost::json::object membership_json(const Membership& m) {
  boost::json::value role = nullptr;
  if (m.role)
    role = boost::json::object{{"id", m.role->id}, {"slug", m.role->slug}, {"name", m.role->name}};
  return {{"organization_id", m.organization_id},
          {"user_id", m.user.id},
          {"user", boost::json::object{{"id", m.user.id},
                                       {"email", m.user.email},
                                       {"username", http::text_or_null(m.user.username)},
                                       {"first_name", m.user.first_name},
                                       {"last_name", m.user.last_name}}},
          {"role", std::move(role)},
          {"joined_at", m.joined_at}};
}

}  // namespace deltalabs::identity
