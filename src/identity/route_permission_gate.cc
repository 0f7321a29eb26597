#include "identity/route_permission_gate.h"

namespace deltalabs::identity {

void RoutePermissionGate::add_owner_rule(std::string permission, OwnerRule rule) {
  owner_rules_.emplace_back(std::move(permission), std::move(rule));
}

Result<bool> RoutePermissionGate::may_hold(const Actor& actor, std::string_view permission) {
  DL_ASSIGN_OR_RETURN(bool holds, authz_.holds_anywhere(actor, permission));
  if (holds) return true;
  for (const auto& [slug, rule] : owner_rules_) {
    if (slug != permission) continue;
    DL_ASSIGN_OR_RETURN(bool owns, rule(actor));
    if (owns) return true;
  }
  return false;
}

}  // namespace deltalabs::identity
