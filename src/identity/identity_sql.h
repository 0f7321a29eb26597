#pragma once

// Every SQL statement of the identity domain. Placeholders are $1..$N on both
// backends; optional filters use CAST($n AS TEXT) IS NULL so PostgreSQL can
// type the parameter.
#include "identity/model.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"
#include "storage/row_table.h"
#include "storage/sql_text.h"

namespace deltalabs::identity::sql {

// --- users ---------------------------------------------------------------
inline constexpr const char* kUserColumns =
    "u.id, u.email, u.username, u.first_name, u.last_name, u.status, u.email_verified, "
    "u.created_at, u.updated_at";

// $8 and $9 are the email's and the username's case_fold_key: the unique
// rules and every lookup by email or username use them.
inline constexpr const char* kInsertUser =
    "INSERT INTO users (id, email, email_key, username, username_key, password_hash, first_name, "
    "last_name, status, email_verified, created_at, updated_at) "
    "VALUES ($1, $2, $8, $3, $9, $4, $5, $6, 'active', FALSE, $7, $7)";
inline constexpr const char* kInsertDefaultPreferences =
    "INSERT INTO user_preferences (user_id, theme, language, notifications, privacy, updated_at) "
    "VALUES ($1, 'system', 'en', $2, $3, $4)";
inline constexpr const char* kGrantRoleBySlug =
    "INSERT INTO user_roles (user_id, role_id, granted_at) SELECT $1, id, $3 FROM roles WHERE slug "
    "= $2";
// A user's row (without roles).
inline constexpr auto kUserRow = row_mapping<User>({
    DL_COLUMNS_OF(u, User, id, email, username, first_name, last_name, status, email_verified,
                  created_at, updated_at),
});
inline constexpr RowTable<kUserRow, "users u", "u.id"> kUserTable{"user"};
inline constexpr const char* kSelectCredentialsByEmail =
    "SELECT id, password_hash, status FROM users WHERE email_key = $1";
inline constexpr const char* kSelectCredentialsByUsername =
    "SELECT id, password_hash, status FROM users WHERE username_key = $1";
inline constexpr const char* kSelectUserIdByEmail =
    "SELECT id, status, email FROM users WHERE email_key = $1";
inline constexpr const char* kSelectUserStatusAndSession =
    "SELECT u.status, s.revoked_at, s.id FROM users u LEFT JOIN sessions s ON s.id = $2 AND "
    "s.user_id = u.id "
    "WHERE u.id = $1";
inline constexpr const char* kUpdateProfile =
    "UPDATE users SET first_name = COALESCE($2, first_name), last_name = COALESCE($3, last_name), "
    "username = CASE WHEN $4 = 1 THEN $5 ELSE username END, "
    "username_key = CASE WHEN $4 = 1 THEN $7 ELSE username_key END, updated_at = $6 WHERE id = $1";
inline constexpr const char* kUpdateStatus =
    "UPDATE users SET status = $2, updated_at = $3 WHERE id = $1";
inline constexpr const char* kUpdatePassword =
    "UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1";
inline constexpr const char* kMarkEmailVerified =
    "UPDATE users SET email_verified = TRUE, updated_at = $2 WHERE id = $1";
inline constexpr auto kListUsers = sql_concat(
    select_from<kUserRow>("users u"),
    "WHERE (CAST($1 AS TEXT) IS NULL OR lower(u.email) LIKE $1 ESCAPE '\\' OR lower(u.username) "
    "LIKE $1 ESCAPE '\\' "
    "       OR lower(u.first_name || ' ' || u.last_name) LIKE $1 ESCAPE '\\') "
    "  AND (CAST($2 AS TEXT) IS NULL OR u.status = $2) "
    "  AND (CAST($3 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = "
    "ur.role_id "
    "       WHERE ur.user_id = u.id AND r.slug = $3)) "
    "  AND " DL_KEYSET_ASC(u.id, 4, 5));

// --- roles of users --------------------------------------------------------
inline constexpr const char* kSelectUserRoles =
    "SELECT r.id, r.slug, r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE "
    "ur.user_id = $1 "
    "ORDER BY r.slug";

// The user, their roles and their permissions in one statement (one read
// transaction, one lock cycle on SQLite's WAL): rows are tagged by part
// (0 user, 1 role, 2 permission) and the other parts' columns are NULL.
// No ORDER BY or DISTINCT: on SQLite they cost a sorter and a temporary
// b-tree per call, which outweighs the lookups; the repository orders roles
// and permissions by slug and drops repeated permissions.
inline constexpr auto kSelectProfile =
    sql_concat("SELECT 0 AS part, ", column_list<kUserRow>(),
               ", NULL AS slug, NULL AS name "
               "FROM users u WHERE u.id = $1 "
               "UNION ALL "
               "SELECT 1, r.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, r.slug, r.name "
               "FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = $1 "
               "UNION ALL "
               "SELECT 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, p.slug, NULL "
               "FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id "
               "JOIN permissions p ON p.id = rp.permission_id WHERE ur.user_id = $1");
inline constexpr const char* kDeleteUserRoles = "DELETE FROM user_roles WHERE user_id = $1";
inline constexpr const char* kGrantRole =
    "INSERT INTO user_roles (user_id, role_id, granted_at) VALUES ($1, $2, $3)";
inline constexpr const char* kUserHasRole =
    "SELECT 1 FROM user_roles WHERE user_id = $1 AND role_id = $2";
inline constexpr const char* kSelectRoleIdBySlug = "SELECT id FROM roles WHERE slug = $1";
inline constexpr const char* kCountRolesById = "SELECT count(*) FROM roles WHERE id = $1";

// The organization $3 and its ancestors, nearest first: a role held through
// membership of an organization reaches every organization below it. UNION
// (not UNION ALL) ends the walk even if a cycle slipped in; the service keeps
// the tree acyclic. Prefix of the statements that check organization reach.
#define DL_ORGANIZATION_LINEAGE                                              \
  "WITH RECURSIVE lineage (id) AS ("                                         \
  "  SELECT o.id FROM organizations o WHERE o.id = $3 "                      \
  "  UNION "                                                                 \
  "  SELECT o.parent_id FROM organizations o JOIN lineage l ON o.id = l.id " \
  "  WHERE o.parent_id IS NOT NULL) "

// Does the user hold a permission, globally or through the role of their
// membership in the given organization or one of its ancestors ($3, NULL when
// the resource has none)?
inline constexpr const char* kHasPermission = DL_ORGANIZATION_LINEAGE
    "SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id "
    "JOIN permissions p ON p.id = rp.permission_id WHERE ur.user_id = $1 AND p.slug = $2 "
    "UNION ALL "
    "SELECT 1 FROM user_organizations uo JOIN lineage l ON l.id = uo.organization_id "
    "JOIN role_permissions rp ON rp.role_id = uo.role_id "
    "JOIN permissions p ON p.id = rp.permission_id "
    "WHERE uo.user_id = $1 AND p.slug = $2 "
    "LIMIT 1";

// Could the user hold a permission anywhere: globally, or through the role of
// any membership? What the pipeline asks before it validates a write's body.
inline constexpr const char* kHoldsPermissionAnywhere =
    "SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id "
    "JOIN permissions p ON p.id = rp.permission_id WHERE ur.user_id = $1 AND p.slug = $2 "
    "UNION ALL "
    "SELECT 1 FROM user_organizations uo JOIN role_permissions rp ON rp.role_id = uo.role_id "
    "JOIN permissions p ON p.id = rp.permission_id WHERE uo.user_id = $1 AND p.slug = $2 "
    "LIMIT 1";

// --- preferences -----------------------------------------------------------
inline constexpr const char* kSelectPreferences =
    "SELECT theme, language, notifications, privacy, updated_at FROM user_preferences WHERE "
    "user_id = $1";
inline constexpr const char* kUpsertPreferences =
    "INSERT INTO user_preferences (user_id, theme, language, notifications, privacy, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id) DO UPDATE SET theme = excluded.theme, "
    "language = excluded.language, notifications = excluded.notifications, privacy = "
    "excluded.privacy, "
    "updated_at = excluded.updated_at";

// --- sessions and refresh tokens -------------------------------------------
inline constexpr const char* kInsertSession =
    "INSERT INTO sessions (id, user_id, user_agent, ip_address, created_at, last_used_at) "
    "VALUES ($1, $2, $3, $4, $5, $5)";
inline constexpr auto kInsertRefreshToken =
    insert_into<"refresh_tokens", "id, session_id, user_id, token_hash, created_at, expires_at">();
inline constexpr const char* kSelectRefreshToken =
    "SELECT t.id, t.session_id, t.user_id, t.expires_at, t.used_at, t.revoked_at, s.revoked_at "
    "FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = $1";
// Claims a token for rotation; 0 rows when another request already used it.
inline constexpr const char* kUseRefreshToken =
    "UPDATE refresh_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND revoked_at IS "
    "NULL";
inline constexpr const char* kLinkReplacement =
    "UPDATE refresh_tokens SET replaced_by = $2 WHERE id = $1";
inline constexpr const char* kTouchSession = "UPDATE sessions SET last_used_at = $2 WHERE id = $1";
inline constexpr const char* kRevokeSession =
    "UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL";
inline constexpr const char* kRevokeSessionTokens =
    "UPDATE refresh_tokens SET revoked_at = $2 WHERE session_id = $1 AND revoked_at IS NULL";
inline constexpr const char* kRevokeUserSessions =
    "UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE user_id = $1 AND revoked_at IS "
    "NULL";
inline constexpr const char* kRevokeUserTokens =
    "UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL";

// --- one-time tokens -------------------------------------------------------
inline constexpr auto kInsertOneTimeToken =
    insert_into<"one_time_tokens", "id, user_id, purpose, token_hash, created_at, expires_at">();
inline constexpr const char* kConsumeOneTimeToken =
    "UPDATE one_time_tokens SET used_at = $3 WHERE token_hash = $1 AND purpose = $2 AND used_at IS "
    "NULL "
    "AND expires_at > $3";
inline constexpr const char* kSelectOneTimeTokenUser =
    "SELECT user_id FROM one_time_tokens WHERE token_hash = $1 AND purpose = $2";
inline constexpr const char* kDiscardOneTimeTokens =
    "UPDATE one_time_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS "
    "NULL";

// --- roles -------------------------------------------------------------------
inline constexpr const char* kInsertRole =
    "INSERT INTO roles (id, slug, name, description, is_system, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, FALSE, $5, $5)";
inline constexpr auto kRoleRow = row_mapping<Role>({
    DL_COLUMNS(Role, id, slug, name, description, is_system, created_at, updated_at),
});
inline constexpr RowTable<kRoleRow, "roles"> kRoleTable{"role"};
inline constexpr auto kListRoles = kRoleTable.where(DL_KEYSET_ASC(id, 1, 2));
inline constexpr const char* kUpdateRole =
    "UPDATE roles SET slug = COALESCE($2, slug), name = COALESCE($3, name), "
    "description = COALESCE($4, description), updated_at = $5 WHERE id = $1";
inline constexpr const char* kDeleteRole = "DELETE FROM roles WHERE id = $1";
// Takes the row lock of a role (a no-op write), so transactions that may take
// the role from its holders run one after another and each counts what the
// previous one committed.
inline constexpr const char* kLockRoleBySlug =
    "UPDATE roles SET updated_at = updated_at WHERE slug = $1";
// Active users holding the role $1 (by slug) globally; $2 = '' for all of
// them, or one user's id to ask about that user alone.
inline constexpr const char* kCountActiveRoleHolders =
    "SELECT count(*) FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
    "JOIN users u ON u.id = ur.user_id "
    "WHERE r.slug = $1 AND u.status = 'active' AND ($2 = '' OR CAST(u.id AS TEXT) = $2)";

// --- permissions of roles ----------------------------------------------------
inline constexpr const char* kListRolePermissions =
    "SELECT p.id, p.slug, p.name, p.resource, p.action, p.description, p.created_at, p.updated_at, "
    "rp.granted_at FROM role_permissions rp JOIN permissions p ON p.id = rp.permission_id "
    "WHERE rp.role_id = $1 AND " DL_KEYSET_ASC(p.id, 2, 3);
inline constexpr const char* kSelectRolePermission =
    "SELECT p.id, p.slug, p.name, p.resource, p.action, p.description, p.created_at, p.updated_at, "
    "rp.granted_at FROM role_permissions rp JOIN permissions p ON p.id = rp.permission_id "
    "WHERE rp.role_id = $1 AND rp.permission_id = $2";
inline constexpr const char* kSelectRolePermissionIds =
    "SELECT permission_id FROM role_permissions WHERE role_id = $1 ORDER BY permission_id";
inline constexpr auto kInsertRolePermission =
    insert_into<"role_permissions", "role_id, permission_id, granted_at">();
inline constexpr const char* kDeleteRolePermission =
    "DELETE FROM role_permissions WHERE role_id = $1 AND permission_id = $2";

// --- permissions -------------------------------------------------------------
inline constexpr const char* kInsertPermission =
    "INSERT INTO permissions "
    "(id, slug, name, resource, action, description, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $7)";
inline constexpr auto kPermissionRow = row_mapping<Permission>({
    DL_COLUMNS(Permission, id, slug, name, resource, action, description, created_at, updated_at),
});
inline constexpr RowTable<kPermissionRow, "permissions"> kPermissionTable{"permission"};
inline constexpr auto kListPermissions = kPermissionTable.where(
    "(CAST($1 AS TEXT) IS NULL OR resource = $1) AND " DL_KEYSET_ASC(id, 2, 3));
inline constexpr const char* kUpdatePermission =
    "UPDATE permissions SET name = COALESCE($2, name), description = COALESCE($3, description), "
    "updated_at = $4 WHERE id = $1";
inline constexpr const char* kDeletePermission = "DELETE FROM permissions WHERE id = $1";
inline constexpr const char* kCountPermissionGrants =
    "SELECT count(*) FROM role_permissions WHERE permission_id = $1";

// --- organization types ------------------------------------------------------
inline constexpr const char* kInsertOrganizationType =
    "INSERT INTO organization_types (id, slug, name, description, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $5)";
inline constexpr auto kOrganizationTypeRow = row_mapping<OrganizationType>({
    DL_COLUMNS(OrganizationType, id, slug, name, description, created_at, updated_at),
});
inline constexpr RowTable<kOrganizationTypeRow, "organization_types"> kOrganizationTypeTable{
    "organization type"};
inline constexpr auto kListOrganizationTypes =
    kOrganizationTypeTable.where(DL_KEYSET_ASC(id, 1, 2));
inline constexpr const char* kUpdateOrganizationType =
    "UPDATE organization_types SET slug = COALESCE($2, slug), name = COALESCE($3, name), "
    "description = COALESCE($4, description), updated_at = $5 WHERE id = $1";
inline constexpr const char* kDeleteOrganizationType =
    "DELETE FROM organization_types WHERE id = $1";
inline constexpr const char* kCountOrganizationsOfType =
    "SELECT count(*) FROM organizations WHERE type_id = $1";

// --- organizations -----------------------------------------------------------
inline constexpr const char* kInsertOrganization =
    "INSERT INTO organizations "
    "(id, type_id, parent_id, name, slug, settings, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $7)";
inline constexpr auto kOrganizationRow = row_mapping<Organization>({
    DL_COLUMNS(Organization, id, type_id, parent_id, name, slug, settings, created_at, updated_at),
});
inline constexpr RowTable<kOrganizationRow, "organizations"> kOrganizationTable{"organization"};
inline constexpr auto kListOrganizations = kOrganizationTable.where(
    "(CAST($1 AS TEXT) IS NULL OR CAST(type_id AS TEXT) = $1)   AND (CAST($2 AS TEXT) IS NULL OR "
    "CAST(parent_id AS TEXT) = $2)   AND " DL_KEYSET_ASC(id, 3, 4));
// $3 = 1 when parent_id was sent ($4 may then be NULL: the organization becomes a root).
inline constexpr const char* kUpdateOrganization =
    "UPDATE organizations SET type_id = COALESCE($2, type_id), "
    "parent_id = CASE WHEN $3 = 1 THEN $4 ELSE parent_id END, name = COALESCE($5, name), "
    "slug = COALESCE($6, slug), settings = COALESCE($7, settings), updated_at = $8 WHERE id = $1";
inline constexpr const char* kDeleteOrganization = "DELETE FROM organizations WHERE id = $1";
inline constexpr const char* kCountChildOrganizations =
    "SELECT count(*) FROM organizations WHERE parent_id = $1";
inline constexpr const char* kSelectOrganizationParent =
    "SELECT parent_id FROM organizations WHERE id = $1";
// Takes the row lock of an organization (a no-op write), so two concurrent
// re-parentings that would form a cycle wait for each other instead.
inline constexpr const char* kLockOrganization =
    "UPDATE organizations SET updated_at = updated_at WHERE id = $1";

// --- memberships -------------------------------------------------------------
inline constexpr const char* kCountUsersById = "SELECT count(*) FROM users WHERE id = $1";
inline constexpr auto kInsertMembership =
    insert_into<"user_organizations", "user_id, organization_id, role_id, joined_at">();
inline constexpr const char* kListMembers =
    "SELECT uo.organization_id, u.id, u.email, u.username, u.first_name, u.last_name, "
    "r.id, r.slug, r.name, uo.joined_at "
    "FROM user_organizations uo JOIN users u ON u.id = uo.user_id "
    "LEFT JOIN roles r ON r.id = uo.role_id "
    "WHERE uo.organization_id = $1 AND " DL_KEYSET_ASC(u.id, 2, 3);
inline constexpr const char* kSelectMembership =
    "SELECT uo.organization_id, u.id, u.email, u.username, u.first_name, u.last_name, "
    "r.id, r.slug, r.name, uo.joined_at "
    "FROM user_organizations uo JOIN users u ON u.id = uo.user_id "
    "LEFT JOIN roles r ON r.id = uo.role_id "
    "WHERE uo.organization_id = $1 AND uo.user_id = $2";
inline constexpr const char* kDeleteMembership =
    "DELETE FROM user_organizations WHERE organization_id = $1 AND user_id = $2";
// Permissions of role $1 that user $2 holds neither globally nor inside organization $3
// (or an ancestor of it): what handing out that role would add beyond the actor's own reach.
inline constexpr const char* kSelectPermissionsBeyondActor = DL_ORGANIZATION_LINEAGE
    "SELECT p.slug FROM role_permissions rp JOIN permissions p ON p.id = rp.permission_id "
    "WHERE rp.role_id = $1 "
    "  AND NOT EXISTS (SELECT 1 FROM user_roles ur "
    "                  JOIN role_permissions g ON g.role_id = ur.role_id "
    "                  WHERE ur.user_id = $2 AND g.permission_id = rp.permission_id) "
    "  AND NOT EXISTS (SELECT 1 FROM user_organizations uo "
    "                  JOIN lineage l ON l.id = uo.organization_id "
    "                  JOIN role_permissions g ON g.role_id = uo.role_id "
    "                  WHERE uo.user_id = $2 AND g.permission_id = rp.permission_id) "
    "ORDER BY p.slug";

}  // namespace deltalabs::identity::sql

#undef DL_ORGANIZATION_LINEAGE
