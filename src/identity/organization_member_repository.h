#pragma once

#include <optional>
#include <string>

#include "core/page.h"
#include "core/result.h"
#include "identity/model.h"
#include "storage/connection.h"

namespace deltalabs::identity {

// Reads and writes memberships (user_organizations): once per user and
// organization, each with an optional role scoped to that organization.
// Stateless: the caller passes the connection, so the service decides the transaction.
class OrganizationMemberRepository {
 public:
  // Adds a member; 409 ALREADY_MEMBER when the user already is one.
  static Status insert(Connection& c, const std::string& organization_id,
                       const std::string& user_id, const std::optional<std::string>& role_id);
  // One membership, or 404 MEMBER_NOT_FOUND.
  static Result<Membership> find(Connection& c, const std::string& organization_id,
                                 const std::string& user_id);
  // A page of the organization's members, ordered by user id.
  static Result<Page<Membership>> list(Connection& c, const std::string& organization_id,
                                       const PageRequest& page);
  // Removes a member; false when the user was not one.
  static Result<bool> remove(Connection& c, const std::string& organization_id,
                             const std::string& user_id);
  // True when a user with this id exists (whatever their status).
  static Result<bool> user_exists(Connection& c, const std::string& user_id);
};

}  // namespace deltalabs::identity
