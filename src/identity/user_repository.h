#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "identity/model.h"
#include "storage/connection.h"

namespace deltalabs::identity {

// Reads and writes users, their global roles and preferences. Stateless: the
// caller passes the connection, so the service decides the transaction.
class UserRepository {
 public:
  // Inserts a user with default preferences and the role `role_slug`;
  // 409 EMAIL_TAKEN / USERNAME_TAKEN on duplicates.
  static Result<std::string> insert(Connection& c, const NewUser& user,
                                    const std::string& role_slug);
  // The user with their roles, or 404.
  static Result<User> find(Connection& c, const std::string& id);
  // Credentials by email (by its case_fold_key) or username (ASCII case-insensitive);
  // nullopt when unknown.
  static Result<std::optional<Credentials>> credentials(Connection& c, const std::string& login,
                                                        bool by_username);
  // The active account with this email (any case, any Unicode composition) and its
  // stored address, if any.
  static Result<std::optional<MailAddress>> active_by_email(Connection& c,
                                                            const std::string& email);
  // Status of the user and whether the session is revoked or not theirs (nullopt: no such user).
  static Result<std::optional<std::pair<std::string, bool>>> status_and_session(
      Connection& c, const std::string& user_id, const std::string& session_id);
  // Applies a profile change; 409 USERNAME_TAKEN on duplicates.
  static Status update_profile(Connection& c, const std::string& id, const ProfileChange& change);
  // Sets the status.
  static Status set_status(Connection& c, const std::string& id, const std::string& status);
  // Replaces the password hash.
  static Status set_password(Connection& c, const std::string& id, const std::string& hash);
  // Marks the email verified.
  static Status mark_email_verified(Connection& c, const std::string& id);
  // Replaces the global roles; 400 UNKNOWN_ROLE when an id does not exist.
  static Status set_roles(Connection& c, const std::string& id,
                          const std::vector<std::string>& role_ids);
  // True when the user holds the global role.
  static Result<bool> has_role(Connection& c, const std::string& id, const std::string& role_id);
  // Adds one global role (the caller checked it is not held yet).
  static Status grant_role(Connection& c, const std::string& id, const std::string& role_id);
  // The user with their roles and the distinct permission slugs those roles
  // grant, read by one statement (one consistent snapshot), or 404.
  static Result<Profile> profile(Connection& c, const std::string& id);
  // True when the user holds `permission` globally or in `organization_id` (or above it).
  static Result<bool> has_permission(Connection& c, const std::string& id,
                                     const std::string& permission,
                                     const std::optional<std::string>& organization_id);
  // True when the user holds `permission` globally or through any membership's role.
  static Result<bool> holds_anywhere(Connection& c, const std::string& id,
                                     const std::string& permission);
  // A page of users matching the filter, ordered by id.
  static Result<Page<User>> list(Connection& c, const UserFilter& filter, const PageRequest& page);
  // The user's preferences (defaults when none are stored).
  static Result<Preferences> preferences(Connection& c, const std::string& id);
  // Stores the user's preferences.
  static Status save_preferences(Connection& c, const std::string& id, const Preferences& prefs);
};

}  // namespace deltalabs::identity
