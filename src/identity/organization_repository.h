#pragma once

#include <optional>
#include <string>

#include "core/page.h"
#include "core/result.h"
#include "identity/model.h"
#include "storage/connection.h"

namespace deltalabs::identity {

// Reads and writes organizations and walks their tree. Stateless: the caller
// passes the connection, so the service decides the transaction.
class OrganizationRepository {
 public:
  // Inserts an organization from a complete input; returns its id; 409 SLUG_TAKEN on a duplicate.
  static Result<std::string> insert(Connection& c, const OrganizationInput& org);
  // True when an organization with this id exists.
  static Result<bool> exists(Connection& c, const std::string& id);
  // Applies a change (nullopt fields stay); 409 SLUG_TAKEN on a duplicate slug.
  static Status update(Connection& c, const std::string& id, const OrganizationInput& change);
  // Deletes an organization and its memberships; 409 HAS_CHILDREN while it has child organizations.
  static Status remove(Connection& c, const std::string& id);
  // True when `ancestor` is `id` itself or one of the organizations above `id`. Takes the
  // row lock of each organization on the way up, so concurrent re-parentings serialize.
  static Result<bool> is_self_or_ancestor(Connection& c, const std::string& ancestor,
                                          const std::string& id);
};

}  // namespace deltalabs::identity
