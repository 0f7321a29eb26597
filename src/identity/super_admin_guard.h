#pragma once

#include <string>

#include "core/result.h"
#include "identity/model.h"
#include "storage/connection.h"

namespace deltalabs::identity {

// Keeps administration from locking itself out. Roles are data, but one must
// always be able to hand them out again: so at least one active user keeps
// the super_admin role (once anyone had it), and super_admin keeps the
// roles:update and users:update grants that let its holders repair anything
// else. Every check runs inside the transaction that writes, after lock():
// concurrent demotions queue on the role's row instead of each seeing the
// other's holder still there.
class SuperAdminGuard {
 public:
  // Serialises transactions that may take super_admin from someone. Call it
  // first in the transaction, before any other write (lock order).
  static Status lock(Connection& c);
  // True when the user is active and holds super_admin globally.
  static Result<bool> is_active_holder(Connection& c, const std::string& user_id);
  // After a change that took super_admin (or activity) from a former active
  // holder: 409 LAST_SUPER_ADMIN when no active holder remains.
  static Status require_active_holder(Connection& c);
  // 409 PROTECTED_GRANT when revoking `permission` from `role` would leave
  // super_admin without roles:update or users:update.
  static Status check_revocable(const Role& role, const Permission& permission);
};

}  // namespace deltalabs::identity
