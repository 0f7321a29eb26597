#include "identity/user_service.h"

#include <boost/json.hpp>

#include "core/uuid.h"
#include "identity/input_rules.h"
#include "identity/session_repository.h"
#include "identity/super_admin_guard.h"
#include "identity/user_repository.h"
#include "platform/audit_log.h"

namespace deltalabs::identity {

namespace {

std::string ids_json(const std::vector<std::string>& ids) {
  boost::json::array a;
  for (const auto& id : ids) a.emplace_back(id);
  return boost::json::serialize(boost::json::object{{"role_ids", a}});
}

}  // namespace

Result<Profile> UserService::me(const Actor& actor) {
  if (!actor.authenticated()) return Error::unauthorized();
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return UserRepository::profile(*conn, actor.user_id);
}

Result<Profile> UserService::update_me(const Actor& actor, const ProfileChange& change) {
  if (!actor.authenticated()) return Error::unauthorized();
  DL_TRY(db_.transaction(
      [&](Connection& c) { return UserRepository::update_profile(c, actor.user_id, change); }));
  return me(actor);
}

Result<Preferences> UserService::preferences(const Actor& actor) {
  if (!actor.authenticated()) return Error::unauthorized();
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return UserRepository::preferences(*conn, actor.user_id);
}

Result<Preferences> UserService::save_preferences(const Actor& actor, const Preferences& prefs) {
  if (!actor.authenticated()) return Error::unauthorized();
  return db_.transaction([&](Connection& c) -> Result<Preferences> {
    DL_TRY(UserRepository::save_preferences(c, actor.user_id, prefs));
    return UserRepository::preferences(c, actor.user_id);
  });
}

Result<Page<User>> UserService::list(const Actor& actor, const UserFilter& filter,
                                     const PageRequest& page) {
  DL_TRY(authz_.require(actor, "users:list"));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return UserRepository::list(*conn, filter, page);
}

Result<User> UserService::get(const Actor& actor, const std::string& raw_id) {
  if (!is_uuid(raw_id)) return Error::not_found("user");
  const std::string id = canonical_id(raw_id);
  if (actor.user_id != id) DL_TRY(authz_.require(actor, "users:read"));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return UserRepository::find(*conn, id);
}

Result<User> UserService::update(const Actor& actor, const std::string& raw_id,
                                 const UserChange& change) {
  DL_TRY(authz_.require(actor, "users:update"));
  if (!is_uuid(raw_id)) return Error::not_found("user");
  const std::string id = canonical_id(raw_id);
  // Changing roles or leaving "active" may take super_admin from its last holder.
  const bool may_demote = change.role_ids || (change.status && *change.status != "active");
  return db_.transaction([&](Connection& c) -> Result<User> {
    if (may_demote) DL_TRY(SuperAdminGuard::lock(c));
    DL_ASSIGN_OR_RETURN(User before, UserRepository::find(c, id));
    DL_ASSIGN_OR_RETURN(bool was_holder, may_demote ? SuperAdminGuard::is_active_holder(c, id)
                                                    : Result<bool>(false));
    DL_TRY(UserRepository::update_profile(c, id, change.profile));
    if (change.status && *change.status != before.status) {
      DL_TRY(UserRepository::set_status(c, id, *change.status));
      if (*change.status != "active")
        DL_TRY(SessionRepository::revoke_user(c, id, "status " + *change.status));
      DL_TRY(AuditLog::record(c, actor,
                              {"user.status_changed", "user", id,
                               boost::json::serialize(boost::json::object{
                                   {"from", before.status}, {"to", *change.status}})}));
    }
    if (change.role_ids) {
      std::vector<std::string> role_ids;
      for (const auto& r : *change.role_ids) role_ids.push_back(canonical_id(r));
      DL_TRY(UserRepository::set_roles(c, id, role_ids));
      DL_TRY(AuditLog::record(c, actor, {"user.roles_changed", "user", id, ids_json(role_ids)}));
    }
    if (was_holder) DL_TRY(SuperAdminGuard::require_active_holder(c));
    return UserRepository::find(c, id);
  });
}

Status UserService::deactivate(const Actor& actor, const std::string& raw_id) {
  DL_TRY(authz_.require(actor, "users:delete"));
  if (!is_uuid(raw_id)) return Error::not_found("user");
  const std::string id = canonical_id(raw_id);
  return db_.transaction([&](Connection& c) -> Status {
    DL_TRY(SuperAdminGuard::lock(c));
    DL_ASSIGN_OR_RETURN(User before, UserRepository::find(c, id));
    if (before.status == "deleted") return {};
    DL_ASSIGN_OR_RETURN(bool was_holder, SuperAdminGuard::is_active_holder(c, id));
    DL_TRY(UserRepository::set_status(c, id, "deleted"));
    if (was_holder) DL_TRY(SuperAdminGuard::require_active_holder(c));
    DL_TRY(SessionRepository::revoke_user(c, id, "deactivated"));
    return AuditLog::record(
        c, actor,
        {"user.status_changed", "user", id,
         boost::json::serialize(boost::json::object{{"from", before.status}, {"to", "deleted"}})});
  });
}

}  // namespace deltalabs::identity
