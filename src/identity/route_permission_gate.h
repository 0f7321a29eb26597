#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/permission_gate.h"
#include "identity/authorization_service.h"

namespace deltalabs::identity {

// The pipeline's question "could this caller hold the route's permission?",
// answered from the caller's grants (global or through any membership role)
// plus owner rules that other domains add for permissions their services also
// grant to owners (the catalog: a course's own instructors may change it
// without courses:update). Rules are added while the application is wired,
// before serving; reads need no lock after that.
class RoutePermissionGate : public http::PermissionGate {
 public:
  // Whether the actor owns something that `permission` is checked on.
  using OwnerRule = std::function<Result<bool>(const Actor& actor)>;

  explicit RoutePermissionGate(const AuthorizationService& authz) : authz_(authz) {}

  // Lets owners pass the gate of `permission` too: `rule` says whether the actor owns any.
  void add_owner_rule(std::string permission, OwnerRule rule);
  // True when the actor holds `permission` anywhere or an owner rule for it says yes.
  Result<bool> may_hold(const Actor& actor, std::string_view permission) override;

 private:
  const AuthorizationService& authz_;
  std::vector<std::pair<std::string, OwnerRule>> owner_rules_;
};

}  // namespace deltalabs::identity
