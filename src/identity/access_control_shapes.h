#pragma once

#include "http/json_shape.h"
#include "identity/model.h"

namespace deltalabs::identity {

// The API shapes of roles, permissions, organization types, organizations and
// memberships: one shape per type, so every route renders and documents an
// object the same way.

// {id, slug, name, description, is_system, created_at, updated_at}
const http::JsonShape<Role>& role_shape();
// {id, slug, name, resource, action, description, created_at, updated_at}
const http::JsonShape<Permission>& permission_shape();
// The permission plus `granted_at`.
const http::JsonShape<RolePermission>& role_permission_shape();
// {id, slug, name, description, created_at, updated_at}
const http::JsonShape<OrganizationType>& organization_type_shape();
// {id, type_id, parent_id, name, slug, settings, created_at, updated_at}
const http::JsonShape<Organization>& organization_shape();
// {organization_id, user_id, user: {id, email, username, first_name, last_name}, role, joined_at}
const http::JsonShape<Membership>& membership_shape();

}  // namespace deltalabs::identity
