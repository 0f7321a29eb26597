#pragma once

#include <boost/json/object.hpp>

#include "identity/model.h"

namespace deltalabs::identity {

// The API shapes of roles, permissions, organization types, organizations and
// memberships: one function per type so every route renders an object the same way.

// {id, slug, name, description, is_system, created_at, updated_at}
boost::json::object role_json(const Role& role);
// {id, slug, name, resource, action, description, created_at, updated_at}
boost::json::object permission_json(const Permission& permission);
// permission_json plus `granted_at`.
boost::json::object role_permission_json(const RolePermission& grant);
// {id, slug, name, description, created_at, updated_at}
boost::json::object organization_type_json(const OrganizationType& type);
// {id, type_id, parent_id, name, slug, settings, created_at, updated_at}
boost::json::object organization_json(const Organization& organization);
// {organization_id, user_id, user: {id, email, username, first_name, last_name}, role, joined_at}
boost::json::object membership_json(const Membership& membership);

}  // namespace deltalabs::identity
