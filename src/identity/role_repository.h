#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "identity/model.h"
#include "storage/connection.h"

namespace deltalabs::identity {

// Reads and writes roles and the permissions each role grants. Stateless: the
// caller passes the connection, so the service decides the transaction.
class RoleRepository {
 public:
  // Inserts a non-system role from a complete input; returns its id; 409 SLUG_TAKEN on a duplicate.
  static Result<std::string> insert(Connection& c, const RoleInput& role);
  // Applies a change (nullopt fields stay); 409 SLUG_TAKEN on a duplicate slug.
  static Status update(Connection& c, const std::string& id, const RoleInput& change);
  // Deletes a role; its grants and user assignments go with it, memberships keep no role.
  static Status remove(Connection& c, const std::string& id);

  // A page of the permissions the role grants, ordered by permission id.
  static Result<Page<RolePermission>> permissions(Connection& c, const std::string& role_id,
                                                  const PageRequest& page);
  // Every permission the role grants, ordered by permission id.
  static Result<std::vector<RolePermission>> all_permissions(Connection& c,
                                                             const std::string& role_id);
  // The ids of the permissions the role grants.
  static Result<std::vector<std::string>> permission_ids(Connection& c, const std::string& role_id);
  // One grant, or 404 PERMISSION_GRANT_NOT_FOUND.
  static Result<RolePermission> grant_of(Connection& c, const std::string& role_id,
                                         const std::string& permission_id);
  // Grants a permission; 409 ALREADY_GRANTED when the role already has it.
  static Status grant(Connection& c, const std::string& role_id, const std::string& permission_id);
  // Revokes a permission; false when the role did not have it.
  static Result<bool> revoke(Connection& c, const std::string& role_id,
                             const std::string& permission_id);
  // Locks the role with this slug until the transaction ends (no-op when there is none).
  static Status lock(Connection& c, const std::string& slug);
  // The id of the role with this slug, or nullopt.
  static Result<std::optional<std::string>> id_by_slug(Connection& c, const std::string& slug);
  // Active users holding the role globally; only `user_id` when it is not empty.
  static Result<std::int64_t> active_holders(Connection& c, const std::string& slug,
                                             const std::string& user_id = "");
  // Slugs of the role's permissions that `user_id` holds neither globally nor in `organization_id`.
  static Result<std::vector<std::string>> permissions_beyond(Connection& c,
                                                             const std::string& role_id,
                                                             const std::string& user_id,
                                                             const std::string& organization_id);
};

}  // namespace deltalabs::identity
