#pragma once

#include <optional>
#include <string>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "identity/model.h"
#include "storage/database.h"

namespace deltalabs::identity {

// Who belongs to an organization, and with which scoped role. Every route
// needs organizations:members in that organization (globally or through the
// actor's own membership role there). Nobody hands out, or takes away, a role
// whose permissions reach beyond their own there (403 ROLE_BEYOND_YOUR_PERMISSIONS).
// Membership changes are audited.
class OrganizationMemberService {
 public:
  OrganizationMemberService(Database& db, const AuthorizationService& authz)
      : db_(db), authz_(authz) {}

  // A page of the organization's members, ordered by user id; 404 ORGANIZATION_NOT_FOUND.
  Result<Page<Membership>> list(const Actor& actor, const std::string& organization_id,
                                const PageRequest& page);
  // Adds a user with an optional scoped role; 400 for an unknown user or role, 409 ALREADY_MEMBER.
  Result<Membership> add(const Actor& actor, const std::string& organization_id,
                         const std::string& user_id, const std::optional<std::string>& role_id);
  // Removes a member; 404 MEMBER_NOT_FOUND when the user is not one.
  Status remove(const Actor& actor, const std::string& organization_id, const std::string& user_id);

 private:
  Database& db_;
  const AuthorizationService& authz_;
};

}  // namespace deltalabs::identity
