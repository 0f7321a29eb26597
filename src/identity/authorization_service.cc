#include "identity/authorization_service.h"

#include "identity/user_repository.h"

namespace deltalabs::identity {

Result<bool> AuthorizationService::allows(const Actor& actor, std::string_view permission,
                                          const std::optional<std::string>& organization_id) const {
  if (!actor.authenticated()) return false;
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return UserRepository::has_permission(*conn, actor.user_id, std::string(permission),
                                        organization_id);
}

Result<bool> AuthorizationService::holds_anywhere(const Actor& actor,
                                                  std::string_view permission) const {
  if (!actor.authenticated()) return false;
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return UserRepository::holds_anywhere(*conn, actor.user_id, std::string(permission));
}

Status AuthorizationService::require(const Actor& actor, std::string_view permission,
                                     const std::optional<std::string>& organization_id) const {
  if (!actor.authenticated()) return Error::unauthorized();
  DL_ASSIGN_OR_RETURN(bool allowed, allows(actor, permission, organization_id));
  if (!allowed) {
    return Error::forbidden("You need the permission '" + std::string(permission) + "' for this.");
  }
  return {};
}

}  // namespace deltalabs::identity
