#pragma once

#include <optional>
#include <string>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/administered.h"
#include "identity/authorization_service.h"
#include "identity/model.h"
#include "storage/database.h"

namespace deltalabs::identity {

// The catalog of permission slugs (`resource:action`) that roles grant. A
// slug is fixed once created, since code checks it by name; changes are audited.
class PermissionService {
 public:
  PermissionService(Database& db, const AuthorizationService& authz);

  // A page of permissions, optionally of one resource (permissions:list).
  Result<Page<Permission>> list(const Actor& actor, const std::optional<std::string>& resource,
                                const PageRequest& page);
  // Creates a permission (permissions:create); 400 unless slug == resource:action, 409 SLUG_TAKEN.
  Result<Permission> create(const Actor& actor, const NewPermission& input);
  // One permission (permissions:read); 404 PERMISSION_NOT_FOUND.
  Result<Permission> get(const Actor& actor, const std::string& id);
  // Changes the name or description (permissions:update).
  Result<Permission> update(const Actor& actor, const std::string& id,
                            const PermissionChange& change);
  // Deletes a permission (permissions:delete); 409 PERMISSION_IN_USE while a role grants it.
  Status remove(const Actor& actor, const std::string& id);

 private:
  Administered<Permission> admin_;
};

}  // namespace deltalabs::identity
