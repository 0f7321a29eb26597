#pragma once

#include <optional>
#include <string>

#include "core/actor.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs {

// One audited event: who (may be anonymous) did what to which target.
struct AuditEntry {
  std::string action;       // e.g. auth.login_failed, role.permissions_changed
  std::string target_type;  // e.g. user, role, organization
  std::string target_id;
  std::string details = "{}";  // JSON object text
};

// Appends to audit_log inside the caller's transaction, so an audited change
// and its record commit or roll back together.
class AuditLog {
 public:
  // Records `entry` as done by `actor` on the actor's request.
  static Status record(Connection& c, const Actor& actor, const AuditEntry& entry);
};

}  // namespace deltalabs
