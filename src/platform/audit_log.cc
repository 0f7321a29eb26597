#include "platform/audit_log.h"

#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs {

namespace {
constexpr const char* kInsertAudit =
    "INSERT INTO audit_log (id, actor_user_id, action, target_type, target_id, request_id, "
    "details, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
}  // namespace

Status AuditLog::record(Connection& c, const Actor& actor, const AuditEntry& entry) {
  std::optional<std::string> actor_id;
  if (actor.authenticated()) actor_id = actor.user_id;
  DL_TRY(c.execute(kInsertAudit,
                   {new_uuid_v7(), actor_id, entry.action, entry.target_type, entry.target_id,
                    actor.request_id, entry.details, format_rfc3339(now())}));
  return {};
}

}  // namespace deltalabs
