#pragma once

#include <string>

#include "catalog/model.h"
#include "catalog/reference_repository.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "storage/database.h"

namespace deltalabs::catalog {

// Catalog reference data (course categories or course levels): anyone reads
// it; holders of catalog:manage add to it.
class ReferenceService {
 public:
  ReferenceService(Database& db, const identity::AuthorizationService& authz,
                   ReferenceStatements statements)
      : db_(db), authz_(authz), repo_(statements) {}

  // A page of entries ordered by slug (public).
  Result<Page<ReferenceEntry>> list(const PageRequest& page);
  // Adds an entry (catalog:manage); 400 for a bad slug, 409 SLUG_TAKEN.
  Result<ReferenceEntry> create(const Actor& actor, const ReferenceInput& input);

 private:
  Database& db_;
  const identity::AuthorizationService& authz_;
  ReferenceRepository repo_;
};

}  // namespace deltalabs::catalog
