#pragma once

// Every SQL statement of the identity domain. Placeholders are $1..$N on both
// backends; optional filters use CAST($n AS TEXT) IS NULL so PostgreSQL can
// type the parameter.
namespace deltalabs::identity::sql {

// --- users ---------------------------------------------------------------
inline constexpr const char* kUserColumns =
    "u.id, u.email, u.username, u.first_name, u.last_name, u.status, u.email_verified, u.created_at, u.updated_at";

inline constexpr const char* kInsertUser =
    "INSERT INTO users (id, email, username, password_hash, first_name, last_name, status, email_verified, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'active', FALSE, $7, $7)";
inline constexpr const char* kInsertDefaultPreferences =
    "INSERT INTO user_preferences (user_id, theme, language, notifications, privacy, updated_at) "
    "VALUES ($1, 'system', 'en', $2, $3, $4)";
inline constexpr const char* kGrantRoleBySlug =
    "INSERT INTO user_roles (user_id, role_id, granted_at) SELECT $1, id, $3 FROM roles WHERE slug = $2";
inline constexpr const char* kSelectUserById =
    "SELECT u.id, u.email, u.username, u.first_name, u.last_name, u.status, u.email_verified, u.created_at, "
    "u.updated_at FROM users u WHERE u.id = $1";
inline constexpr const char* kSelectCredentialsByEmail =
    "SELECT id, password_hash, status FROM users WHERE lower(email) = lower($1)";
inline constexpr const char* kSelectCredentialsByUsername =
    "SELECT id, password_hash, status FROM users WHERE lower(username) = lower($1)";
inline constexpr const char* kSelectUserIdByEmail =
    "SELECT id, status FROM users WHERE lower(email) = lower($1)";
inline constexpr const char* kSelectUserStatusAndSession =
    "SELECT u.status, s.revoked_at FROM users u LEFT JOIN sessions s ON s.id = $2 AND s.user_id = u.id "
    "WHERE u.id = $1";
inline constexpr const char* kUpdateProfile =
    "UPDATE users SET first_name = COALESCE($2, first_name), last_name = COALESCE($3, last_name), "
    "username = CASE WHEN $4 = 1 THEN $5 ELSE username END, updated_at = $6 WHERE id = $1";
inline constexpr const char* kUpdateStatus = "UPDATE users SET status = $2, updated_at = $3 WHERE id = $1";
inline constexpr const char* kUpdatePassword = "UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1";
inline constexpr const char* kMarkEmailVerified =
    "UPDATE users SET email_verified = TRUE, updated_at = $2 WHERE id = $1";
inline constexpr const char* kListUsers =
    "SELECT u.id, u.email, u.username, u.first_name, u.last_name, u.status, u.email_verified, u.created_at, "
    "u.updated_at FROM users u "
    "WHERE (CAST($1 AS TEXT) IS NULL OR lower(u.email) LIKE $1 ESCAPE '\\' OR lower(u.username) LIKE $1 ESCAPE '\\' "
    "       OR lower(u.first_name || ' ' || u.last_name) LIKE $1 ESCAPE '\\') "
    "  AND (CAST($2 AS TEXT) IS NULL OR u.status = $2) "
    "  AND (CAST($3 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
    "       WHERE ur.user_id = u.id AND r.slug = $3)) "
    "  AND ($4 = '' OR CAST(u.id AS TEXT) > $4) "
    "ORDER BY u.id LIMIT $5";

// --- roles of users --------------------------------------------------------
inline constexpr const char* kSelectUserRoles =
    "SELECT r.id, r.slug, r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = $1 "
    "ORDER BY r.slug";
inline constexpr const char* kSelectUserPermissions =
    "SELECT DISTINCT p.slug FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id "
    "JOIN permissions p ON p.id = rp.permission_id WHERE ur.user_id = $1 ORDER BY p.slug";
inline constexpr const char* kDeleteUserRoles = "DELETE FROM user_roles WHERE user_id = $1";
inline constexpr const char* kGrantRole = "INSERT INTO user_roles (user_id, role_id, granted_at) VALUES ($1, $2, $3)";
inline constexpr const char* kCountRolesById = "SELECT count(*) FROM roles WHERE id = $1";

// Does the user hold a permission, globally or through the role of their
// membership in the given organization ($3, NULL when the resource has none)?
inline constexpr const char* kHasPermission =
    "SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id "
    "JOIN permissions p ON p.id = rp.permission_id WHERE ur.user_id = $1 AND p.slug = $2 "
    "UNION ALL "
    "SELECT 1 FROM user_organizations uo JOIN role_permissions rp ON rp.role_id = uo.role_id "
    "JOIN permissions p ON p.id = rp.permission_id "
    "WHERE uo.user_id = $1 AND p.slug = $2 AND CAST(uo.organization_id AS TEXT) = CAST($3 AS TEXT) "
    "LIMIT 1";

// --- preferences -----------------------------------------------------------
inline constexpr const char* kSelectPreferences =
    "SELECT theme, language, notifications, privacy, updated_at FROM user_preferences WHERE user_id = $1";
inline constexpr const char* kUpsertPreferences =
    "INSERT INTO user_preferences (user_id, theme, language, notifications, privacy, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id) DO UPDATE SET theme = excluded.theme, "
    "language = excluded.language, notifications = excluded.notifications, privacy = excluded.privacy, "
    "updated_at = excluded.updated_at";

// --- sessions and refresh tokens -------------------------------------------
inline constexpr const char* kInsertSession =
    "INSERT INTO sessions (id, user_id, user_agent, ip_address, created_at, last_used_at) "
    "VALUES ($1, $2, $3, $4, $5, $5)";
inline constexpr const char* kInsertRefreshToken =
    "INSERT INTO refresh_tokens (id, session_id, user_id, token_hash, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
inline constexpr const char* kSelectRefreshToken =
    "SELECT t.id, t.session_id, t.user_id, t.expires_at, t.used_at, t.revoked_at, s.revoked_at "
    "FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = $1";
// Claims a token for rotation; 0 rows when another request already used it.
inline constexpr const char* kUseRefreshToken =
    "UPDATE refresh_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL";
inline constexpr const char* kLinkReplacement = "UPDATE refresh_tokens SET replaced_by = $2 WHERE id = $1";
inline constexpr const char* kTouchSession = "UPDATE sessions SET last_used_at = $2 WHERE id = $1";
inline constexpr const char* kRevokeSession =
    "UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL";
inline constexpr const char* kRevokeSessionTokens =
    "UPDATE refresh_tokens SET revoked_at = $2 WHERE session_id = $1 AND revoked_at IS NULL";
inline constexpr const char* kRevokeUserSessions =
    "UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE user_id = $1 AND revoked_at IS NULL";
inline constexpr const char* kRevokeUserTokens =
    "UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL";

// --- one-time tokens -------------------------------------------------------
inline constexpr const char* kInsertOneTimeToken =
    "INSERT INTO one_time_tokens (id, user_id, purpose, token_hash, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
inline constexpr const char* kConsumeOneTimeToken =
    "UPDATE one_time_tokens SET used_at = $3 WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL "
    "AND expires_at > $3";
inline constexpr const char* kSelectOneTimeTokenUser =
    "SELECT user_id FROM one_time_tokens WHERE token_hash = $1 AND purpose = $2";

}  // namespace deltalabs::identity::sql
