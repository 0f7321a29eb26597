#pragma once

#include <string>
#include <vector>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "identity/model.h"
#include "storage/database.h"

namespace deltalabs::identity {

// Accounts as their owners and administrators see and change them. Owners
// change only their profile; roles, status and verification need users:update.
class UserService {
 public:
  UserService(Database& db, const AuthorizationService& authz) : db_(db), authz_(authz) {}

  // The actor's own profile.
  Result<Profile> me(const Actor& actor);
  // Changes the actor's own name or username.
  Result<Profile> update_me(const Actor& actor, const ProfileChange& change);
  // The actor's preferences.
  Result<Preferences> preferences(const Actor& actor);
  // Replaces the actor's preferences.
  Result<Preferences> save_preferences(const Actor& actor, const Preferences& prefs);
  // Users matching a filter (users:list).
  Result<Page<User>> list(const Actor& actor, const UserFilter& filter, const PageRequest& page);
  // One user (users:read, or the actor themselves).
  Result<User> get(const Actor& actor, const std::string& id);
  // Changes a user (users:update); status changes revoke sessions and are audited;
  // 409 LAST_SUPER_ADMIN when it would leave no active super_admin.
  Result<User> update(const Actor& actor, const std::string& id, const UserChange& change);
  // Deactivates a user (users:delete): status deleted, every session revoked;
  // 409 LAST_SUPER_ADMIN for the last active super_admin.
  Status deactivate(const Actor& actor, const std::string& id);

 private:
  Database& db_;
  const AuthorizationService& authz_;
};

}  // namespace deltalabs::identity
