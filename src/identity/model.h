#pragma once

#include <optional>
#include <string>
#include <vector>

namespace deltalabs::identity {

// A role as shown on a user: {id, slug, name}.
struct RoleRef {
  std::string id;
  std::string slug;
  std::string name;
};

// An account as everyone but the password sees it.
struct User {
  std::string id;
  std::string email;
  std::optional<std::string> username;
  std::string first_name;
  std::string last_name;
  std::string status;  // active | suspended | deleted
  bool email_verified = false;
  std::string created_at;
  std::string updated_at;
  std::vector<RoleRef> roles;
};

// A user with the permission slugs their global roles grant.
struct Profile {
  User user;
  std::vector<std::string> permissions;
};

// What signing in needs to know about an account.
struct Credentials {
  std::string user_id;
  std::string password_hash;
  std::string status;
};

// Where mail for an account goes: the address as the account stored it.
struct MailAddress {
  std::string user_id;
  std::string email;
};

// A new account, already validated, with its password hashed.
struct NewUser {
  std::string email;
  std::optional<std::string> username;
  std::string password_hash;
  std::string first_name;
  std::string last_name;
};

// Profile fields a user may change about themselves; nullopt = unchanged.
struct ProfileChange {
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  bool username_set = false;
  std::optional<std::string> username;  // with username_set: nullopt clears it
};

// Fields an administrator may change on any user; nullopt = unchanged.
struct UserChange {
  ProfileChange profile;
  std::optional<std::string> status;
  std::optional<std::vector<std::string>> role_ids;
};

// Display and notification settings of a user; JSON blocks kept as text.
struct Preferences {
  std::string theme = "system";
  std::string language = "en";
  std::string notifications = "{}";
  std::string privacy = "{}";
  std::string updated_at;
};

// A user list query.
struct UserFilter {
  std::optional<std::string> q;
  std::optional<std::string> status;
  std::optional<std::string> role;
};

// A refresh token row joined with its session.
struct RefreshTokenRecord {
  std::string id;
  std::string session_id;
  std::string user_id;
  std::string expires_at;
  bool used = false;
  bool revoked = false;
  bool session_revoked = false;
};

// A freshly issued pair of tokens.
struct TokenPair {
  std::string access_token;
  std::string refresh_token;
  int expires_in = 0;  // seconds until the access token expires
  std::string session_id;
};

// --- roles, permissions and organizations ------------------------------------

// A role: a named set of permissions; system roles are seeded and cannot be deleted.
struct Role {
  std::string id;
  std::string slug;
  std::string name;
  std::string description;
  bool is_system = false;
  std::string created_at;
  std::string updated_at;
};

// A new role or a change to one; for a change nullopt = unchanged.
struct RoleInput {
  std::optional<std::string> slug;
  std::optional<std::string> name;
  std::optional<std::string> description;
};

// A permission slug `resource:action` that services check.
struct Permission {
  std::string id;
  std::string slug;
  std::string name;
  std::string resource;
  std::string action;
  std::string description;
  std::string created_at;
  std::string updated_at;
};

// A new permission (slug == resource:action).
struct NewPermission {
  std::string slug;
  std::string name;
  std::string resource;
  std::string action;
  std::string description;
};

// What may change on a permission; its slug, resource and action are fixed.
struct PermissionChange {
  std::optional<std::string> name;
  std::optional<std::string> description;
};

// A permission as granted to a role, with when it was granted.
struct RolePermission {
  Permission permission;
  std::string granted_at;
};

// A kind of organization (school, company, lab network, ...).
struct OrganizationType {
  std::string id;
  std::string slug;
  std::string name;
  std::string description;
  std::string created_at;
  std::string updated_at;
};

// A new organization type or a change to one; for a change nullopt = unchanged.
struct OrganizationTypeInput {
  std::optional<std::string> slug;
  std::optional<std::string> name;
  std::optional<std::string> description;
};

// An organization in the tree of organizations; settings kept as JSON text.
struct Organization {
  std::string id;
  std::string type_id;
  std::optional<std::string> parent_id;
  std::string name;
  std::string slug;
  std::string settings = "{}";
  std::string created_at;
  std::string updated_at;
};

// A new organization or a change to one; for a change nullopt = unchanged.
struct OrganizationInput {
  std::optional<std::string> type_id;
  bool parent_set = false;  // with a change: parent_id was sent (null = make root)
  std::optional<std::string> parent_id;
  std::optional<std::string> name;
  std::optional<std::string> slug;
  std::optional<std::string> settings;  // JSON object text
};

// An organization list query.
struct OrganizationFilter {
  std::optional<std::string> type_id;
  std::optional<std::string> parent_id;
};

// A member as a list of members shows them.
struct MemberUser {
  std::string id;
  std::string email;
  std::optional<std::string> username;
  std::string first_name;
  std::string last_name;
};

// One membership: a user in an organization with an optional scoped role.
struct Membership {
  std::string organization_id;
  MemberUser user;
  std::optional<RoleRef> role;
  std::string joined_at;
};

}  // namespace deltalabs::identity
