#pragma once

#include <string_view>

#include "core/actor.h"
#include "core/result.h"

namespace deltalabs::http {

// Answers, before a write's body is read, whether the caller could be allowed
// the route's documented permission at all. Implemented by the identity
// domain. A "no" ends the request with 403, so a caller without the
// permission never learns the write's schema from a 400; a "yes" only lets
// the request go on: the service still makes its exact, object-level check.
class PermissionGate {
 public:
  virtual ~PermissionGate() = default;
  // True when `actor` holds `permission` somewhere, or an owner rule may grant it.
  virtual Result<bool> may_hold(const Actor& actor, std::string_view permission) = 0;
};

}  // namespace deltalabs::http
