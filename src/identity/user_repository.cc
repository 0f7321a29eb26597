#include "identity/user_repository.h"

#include <algorithm>

#include "core/case_fold.h"
#include "core/clock.h"
#include "core/uuid.h"
#include "identity/identity_sql.h"

namespace deltalabs::identity {

namespace {

constexpr const char* kDefaultNotifications = R"({"email":true,"push":true,"digest":"weekly"})";
constexpr const char* kDefaultPrivacy = R"({"profile_visible":true,"show_progress":false})";

// Which unique rule a duplicate broke, from the driver's message.
Error duplicate_error(const Error& e) {
  // The index's name (PostgreSQL) or the column (SQLite); the cause may quote the statement too.
  if (e.cause.find("users_username_key_unique") != std::string::npos ||
      e.cause.find("users.username_key") != std::string::npos) {
    return Error::conflict("USERNAME_TAKEN", "That username is already taken.");
  }
  return Error::conflict("EMAIL_TAKEN", "An account with that email already exists.");
}

Result<std::vector<RoleRef>> roles_of(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectUserRoles, {id}));
  std::vector<RoleRef> roles;
  for (std::size_t i = 0; i < rows.size(); ++i)
    roles.push_back({rows[i].text(0), rows[i].text(1), rows[i].text(2)});
  return roles;
}

// The folded key a username is unique by (absent when the username is).
std::optional<std::string> username_key(const std::optional<std::string>& username) {
  if (!username) return std::nullopt;
  return case_fold_key(*username);
}

std::string like_pattern(const std::string& q) {
  std::string out = "%";
  for (char ch : q) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out + "%";
}

}  // namespace

Result<std::string> UserRepository::insert(Connection& c, const NewUser& user,
                                           const std::string& role_slug) {
  const std::string id = new_uuid_v7();
  const std::string at = format_rfc3339(now());
  auto inserted =
      c.execute(sql::kInsertUser,
                {id, user.email, user.username, user.password_hash, user.first_name, user.last_name,
                 at, case_fold_key(user.email), username_key(user.username)});
  if (!inserted.ok()) {
    if (inserted.error().code == storage_code::kUniqueViolation)
      return duplicate_error(inserted.error());
    return std::move(inserted).error();
  }
  DL_TRY(
      c.execute(sql::kInsertDefaultPreferences, {id, kDefaultNotifications, kDefaultPrivacy, at}));
  DL_TRY(c.execute(sql::kGrantRoleBySlug, {id, role_slug, at}));
  return id;
}

Result<User> UserRepository::find(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(User u, sql::kUserTable.find(c, id));
  DL_ASSIGN_OR_RETURN(u.roles, roles_of(c, id));
  return u;
}

Result<std::optional<Credentials>> UserRepository::credentials(Connection& c,
                                                               const std::string& login,
                                                               bool by_username) {
  DL_ASSIGN_OR_RETURN(
      RowSet rows, by_username ? c.query(sql::kSelectCredentialsByUsername, {case_fold_key(login)})
                               : c.query(sql::kSelectCredentialsByEmail, {case_fold_key(login)}));
  if (rows.empty()) return std::optional<Credentials>{};
  return std::optional<Credentials>(Credentials{rows[0].text(0), rows[0].text(1), rows[0].text(2)});
}

Result<std::optional<MailAddress>> UserRepository::active_by_email(Connection& c,
                                                                   const std::string& email) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectUserIdByEmail, {case_fold_key(email)}));
  if (rows.empty() || rows[0].text(1) != "active") return std::optional<MailAddress>{};
  return std::optional<MailAddress>(MailAddress{rows[0].text(0), rows[0].text(2)});
}

Result<std::optional<std::pair<std::string, bool>>> UserRepository::status_and_session(
    Connection& c, const std::string& user_id, const std::string& session_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows,
                      c.query(sql::kSelectUserStatusAndSession, {user_id, session_id}));
  if (rows.empty()) return std::optional<std::pair<std::string, bool>>{};
  const bool revoked =
      rows[0].is_null(2) || !rows[0].is_null(1);  // no such session of this user, or ended
  return std::optional<std::pair<std::string, bool>>(std::make_pair(rows[0].text(0), revoked));
}

Status UserRepository::update_profile(Connection& c, const std::string& id,
                                      const ProfileChange& change) {
  auto updated = c.execute(sql::kUpdateProfile,
                           {id, change.first_name, change.last_name, change.username_set ? 1 : 0,
                            change.username, format_rfc3339(now()), username_key(change.username)});
  if (!updated.ok()) {
    if (updated.error().code == storage_code::kUniqueViolation)
      return duplicate_error(updated.error());
    return std::move(updated).error();
  }
  return {};
}

Status UserRepository::set_status(Connection& c, const std::string& id, const std::string& status) {
  DL_TRY(c.execute(sql::kUpdateStatus, {id, status, format_rfc3339(now())}));
  return {};
}

Status UserRepository::set_password(Connection& c, const std::string& id, const std::string& hash) {
  DL_TRY(c.execute(sql::kUpdatePassword, {id, hash, format_rfc3339(now())}));
  return {};
}

Status UserRepository::mark_email_verified(Connection& c, const std::string& id) {
  DL_TRY(c.execute(sql::kMarkEmailVerified, {id, format_rfc3339(now())}));
  return {};
}

Status UserRepository::set_roles(Connection& c, const std::string& id,
                                 const std::vector<std::string>& role_ids) {
  // Each role once, whatever the case of its id: a duplicate insert would
  // abort a PostgreSQL transaction, and SQLite compares ids as text.
  std::vector<std::string> unique_ids = role_ids;
  for (auto& role_id : unique_ids) {
    for (char& ch : role_id) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  std::sort(unique_ids.begin(), unique_ids.end());
  unique_ids.erase(std::unique(unique_ids.begin(), unique_ids.end()), unique_ids.end());
  for (const auto& role_id : unique_ids) {
    DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCountRolesById, {role_id}));
    if (rows[0].integer(0) == 0) {
      return Error::invalid("The request body is not valid.",
                            {{"role_ids", "role " + role_id + " does not exist"}});
    }
  }
  DL_TRY(c.execute(sql::kDeleteUserRoles, {id}));
  const std::string at = format_rfc3339(now());
  for (const auto& role_id : unique_ids) DL_TRY(c.execute(sql::kGrantRole, {id, role_id, at}));
  return {};
}

Result<bool> UserRepository::has_role(Connection& c, const std::string& id,
                                      const std::string& role_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kUserHasRole, {id, role_id}));
  return !rows.empty();
}

Status UserRepository::grant_role(Connection& c, const std::string& id,
                                  const std::string& role_id) {
  DL_TRY(c.execute(sql::kGrantRole, {id, role_id, format_rfc3339(now())}));
  return {};
}

Result<Profile> UserRepository::profile(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectProfile, {id}));
  Profile p;
  bool found = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    switch (r.integer(0)) {
      case 0:
        p.user = sql::kUserRow.read(r, 1);
        found = true;
        break;
      case 1:
        p.user.roles.push_back({r.text(1), r.text(10), r.text(11)});
        break;
      default:
        p.permissions.push_back(r.text(10));
    }
  }
  if (!found) return Error::not_found("user");
  // Slugs are unique ASCII, so byte order is the order on every backend and collation.
  std::sort(p.user.roles.begin(), p.user.roles.end(),
            [](const RoleRef& a, const RoleRef& b) { return a.slug < b.slug; });
  std::sort(p.permissions.begin(), p.permissions.end());
  p.permissions.erase(std::unique(p.permissions.begin(), p.permissions.end()), p.permissions.end());
  return p;
}

Result<bool> UserRepository::has_permission(Connection& c, const std::string& id,
                                            const std::string& permission,
                                            const std::optional<std::string>& organization_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kHasPermission, {id, permission, organization_id}));
  return !rows.empty();
}

Result<bool> UserRepository::holds_anywhere(Connection& c, const std::string& id,
                                            const std::string& permission) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kHoldsPermissionAnywhere, {id, permission}));
  return !rows.empty();
}

Result<Page<User>> UserRepository::list(Connection& c, const UserFilter& filter,
                                        const PageRequest& page) {
  std::optional<std::string> pattern;
  if (filter.q && !filter.q->empty()) pattern = like_pattern(*filter.q);
  DL_ASSIGN_OR_RETURN(
      Page<User> result,
      sql::kUserTable.page(c, sql::kListUsers, {pattern, filter.status, filter.role}, page));
  for (auto& u : result.items) {
    DL_ASSIGN_OR_RETURN(u.roles, roles_of(c, u.id));
  }
  return result;
}

Result<Preferences> UserRepository::preferences(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectPreferences, {id}));
  Preferences p;
  if (rows.empty()) {
    p.notifications = kDefaultNotifications;
    p.privacy = kDefaultPrivacy;
    return p;
  }
  p.theme = rows[0].text(0);
  p.language = rows[0].text(1);
  p.notifications = rows[0].text(2);
  p.privacy = rows[0].text(3);
  p.updated_at = rows[0].text(4);
  return p;
}

Status UserRepository::save_preferences(Connection& c, const std::string& id,
                                        const Preferences& p) {
  DL_TRY(c.execute(sql::kUpsertPreferences,
                   {id, p.theme, p.language, p.notifications, p.privacy, format_rfc3339(now())}));
  return {};
}

}  // namespace deltalabs::identity
