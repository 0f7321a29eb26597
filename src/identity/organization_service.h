#pragma once

#include <string>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "identity/model.h"
#include "storage/database.h"

namespace deltalabs::identity {

// Organizations in a tree (parent_id, never a cycle) with JSON settings.
// Permissions on one organization may come from a global role or from the
// actor's membership role in that organization; changes are audited.
class OrganizationService {
 public:
  OrganizationService(Database& db, const AuthorizationService& authz) : db_(db), authz_(authz) {}

  // A page of organizations, filtered by type or parent (organizations:list); 400 for non-UUID
  // filters.
  Result<Page<Organization>> list(const Actor& actor, const OrganizationFilter& filter,
                                  const PageRequest& page);
  // Creates an organization (organizations:create, globally or inside the parent);
  // 400 for an unknown type or parent or a bad slug, 409 SLUG_TAKEN.
  Result<Organization> create(const Actor& actor, const OrganizationInput& input);
  // One organization (organizations:read in it); 404 ORGANIZATION_NOT_FOUND.
  Result<Organization> get(const Actor& actor, const std::string& id);
  // Changes an organization (organizations:update in it; a new parent also needs
  // organizations:create there); 400 PARENT_CYCLE when the parent is itself or a descendant.
  Result<Organization> update(const Actor& actor, const std::string& id,
                              const OrganizationInput& change);
  // Deletes an organization and its memberships (organizations:delete in it); 409 HAS_CHILDREN.
  Status remove(const Actor& actor, const std::string& id);

 private:
  Database& db_;
  const AuthorizationService& authz_;
};

}  // namespace deltalabs::identity
