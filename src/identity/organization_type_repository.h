#pragma once

#include <string>

#include "core/page.h"
#include "core/result.h"
#include "identity/model.h"
#include "storage/connection.h"

namespace deltalabs::identity {

// Reads and writes organization types. Stateless: the caller passes the
// connection, so the service decides the transaction.
class OrganizationTypeRepository {
 public:
  // Inserts a type from a complete input; returns its id; 409 SLUG_TAKEN on a duplicate slug.
  static Result<std::string> insert(Connection& c, const OrganizationTypeInput& type);
  // Applies a change (nullopt fields stay); 409 SLUG_TAKEN on a duplicate slug.
  static Status update(Connection& c, const std::string& id, const OrganizationTypeInput& change);
  // Deletes a type; 409 TYPE_IN_USE when an organization still uses it.
  static Status remove(Connection& c, const std::string& id);
};

}  // namespace deltalabs::identity
