#include "identity/super_admin_guard.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "identity/role_repository.h"

namespace deltalabs::identity {

namespace {

// The one role slug this code names: the role that can always restore the others.
constexpr const char* kSuperAdmin = "super_admin";
// Enough to grant any permission to any role and any role to any user again.
constexpr std::array<std::string_view, 2> kProtectedGrants = {"roles:update", "users:update"};

}  // namespace

Status SuperAdminGuard::lock(Connection& c) { return RoleRepository::lock(c, kSuperAdmin); }

Result<bool> SuperAdminGuard::is_active_holder(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(std::int64_t n, RoleRepository::active_holders(c, kSuperAdmin, user_id));
  return n > 0;
}

Status SuperAdminGuard::require_active_holder(Connection& c) {
  DL_ASSIGN_OR_RETURN(std::int64_t n, RoleRepository::active_holders(c, kSuperAdmin));
  if (n > 0) return {};
  return Error::conflict("LAST_SUPER_ADMIN",
                         "This is the last active super_admin; make another user super_admin "
                         "first, so administration cannot lock itself out.");
}

Status SuperAdminGuard::check_revocable(const Role& role, const Permission& permission) {
  if (role.slug != kSuperAdmin || std::find(kProtectedGrants.begin(), kProtectedGrants.end(),
                                            permission.slug) == kProtectedGrants.end()) {
    return {};
  }
  return Error::conflict("PROTECTED_GRANT", "super_admin keeps " + permission.slug +
                                                ": without it nobody could grant roles or "
                                                "permissions again.");
}

}  // namespace deltalabs::identity
