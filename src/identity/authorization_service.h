#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/actor.h"
#include "core/result.h"
#include "storage/database.h"

namespace deltalabs::identity {

// Answers "may this actor do that?" from data: the permission slugs of the
// actor's global roles plus, for a resource owned by an organization, the role
// the actor holds in that organization or in any organization above it. No role name appears in
// code, and a grant takes effect on the next call (nothing is cached). Every domain asks it.
class AuthorizationService {
 public:
  explicit AuthorizationService(Database& db) : db_(db) {}

  // True when the actor holds `permission` (globally, or inside `organization_id`).
  Result<bool> allows(const Actor& actor, std::string_view permission,
                      const std::optional<std::string>& organization_id = std::nullopt) const;
  // True when the actor holds `permission` globally or through the role of any
  // membership: whether some object could be theirs to act on with it.
  Result<bool> holds_anywhere(const Actor& actor, std::string_view permission) const;
  // OK when allowed; 401 for anonymous actors, 403 FORBIDDEN otherwise.
  Status require(const Actor& actor, std::string_view permission,
                 const std::optional<std::string>& organization_id = std::nullopt) const;

 private:
  Database& db_;
};

}  // namespace deltalabs::identity
