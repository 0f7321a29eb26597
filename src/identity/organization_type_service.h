#pragma once

#include <string>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/administered.h"
#include "identity/authorization_service.h"
#include "identity/model.h"
#include "storage/database.h"

namespace deltalabs::identity {

// Kinds of organization (school, company, lab network, ...) as reference data
// administrators manage; changes are audited.
class OrganizationTypeService {
 public:
  OrganizationTypeService(Database& db, const AuthorizationService& authz);

  // A page of types (organization_types:list).
  Result<Page<OrganizationType>> list(const Actor& actor, const PageRequest& page);
  // Creates a type (organization_types:create); 400 for a bad slug, 409 SLUG_TAKEN.
  Result<OrganizationType> create(const Actor& actor, const OrganizationTypeInput& input);
  // One type (organization_types:read); 404 ORGANIZATION_TYPE_NOT_FOUND.
  Result<OrganizationType> get(const Actor& actor, const std::string& id);
  // Changes name, slug or description (organization_types:update).
  Result<OrganizationType> update(const Actor& actor, const std::string& id,
                                  const OrganizationTypeInput& change);
  // Deletes a type (organization_types:delete); 409 TYPE_IN_USE while organizations use it.
  Status remove(const Actor& actor, const std::string& id);

 private:
  Administered<OrganizationType> admin_;
};

}  // namespace deltalabs::identity
