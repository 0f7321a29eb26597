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

// What signing in needs to know about an account.
struct Credentials {
  std::string user_id;
  std::string password_hash;
  std::string status;
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

}  // namespace deltalabs::identity
