#pragma once

#include <string>
#include <vector>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/administered.h"
#include "identity/authorization_service.h"
#include "identity/model.h"
#include "storage/database.h"

namespace deltalabs::identity {

// Roles and the permissions they grant, as administrators manage them. Every
// change is audited in its own transaction and takes effect on the caller's
// next request (authorization reads grants from the database each time).
class RoleService {
 public:
  RoleService(Database& db, const AuthorizationService& authz);

  // A page of roles (roles:list).
  Result<Page<Role>> list(const Actor& actor, const PageRequest& page);
  // Creates a non-system role (roles:create); 400 for a bad slug, 409 SLUG_TAKEN.
  Result<Role> create(const Actor& actor, const RoleInput& input);
  // One role (roles:read); 404 ROLE_NOT_FOUND.
  Result<Role> get(const Actor& actor, const std::string& id);
  // Changes name, slug or description (roles:update); a system role keeps its slug (409
  // SYSTEM_ROLE).
  Result<Role> update(const Actor& actor, const std::string& id, const RoleInput& change);
  // Deletes a role (roles:delete); 409 SYSTEM_ROLE for a seeded system role.
  Status remove(const Actor& actor, const std::string& id);

  // A page of the role's permissions (roles:read).
  Result<Page<RolePermission>> permissions(const Actor& actor, const std::string& id,
                                           const PageRequest& page);
  // Makes `permission_ids` the role's full permission list (roles:update); 400 naming each unknown
  // id; 409 PROTECTED_GRANT when it drops roles:update or users:update from super_admin.
  Result<std::vector<RolePermission>> set_permissions(
      const Actor& actor, const std::string& id, const std::vector<std::string>& permission_ids);
  // Grants one permission (roles:update); 404 for an unknown role or permission, 409
  // ALREADY_GRANTED.
  Result<RolePermission> grant(const Actor& actor, const std::string& id,
                               const std::string& permission_id);
  // Revokes one permission (roles:update); 404 PERMISSION_GRANT_NOT_FOUND when it was not granted,
  // 409 PROTECTED_GRANT for super_admin's roles:update and users:update.
  Status revoke(const Actor& actor, const std::string& id, const std::string& permission_id);

 private:
  Database& db_;
  Administered<Role> admin_;
};

}  // namespace deltalabs::identity
