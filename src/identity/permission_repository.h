#pragma once

#include <optional>
#include <string>

#include "core/page.h"
#include "core/result.h"
#include "identity/model.h"
#include "storage/connection.h"

namespace deltalabs::identity {

// Reads and writes permissions. Stateless: the caller passes the connection,
// so the service decides the transaction.
class PermissionRepository {
 public:
  // Inserts a permission; returns its id; 409 SLUG_TAKEN on a duplicate slug.
  static Result<std::string> insert(Connection& c, const NewPermission& permission);
  // Applies a change to the name or description.
  static Status update(Connection& c, const std::string& id, const PermissionChange& change);
  // Deletes a permission; 409 PERMISSION_IN_USE while a role grants it.
  static Status remove(Connection& c, const std::string& id);
};

}  // namespace deltalabs::identity
