#include "learning/progress_ledger.h"

#include <optional>

#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::learning {

Result<bool> ProgressLedger::advance(Connection& c, const std::string& enrollment_id,
                                     const std::string& step_id, const std::string& status) const {
  const std::string at = format_rfc3339(now());
  const bool completing = status == "completed";
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql_.select_status, {enrollment_id, step_id}));
  if (rows.empty()) {
    std::optional<std::string> completed_at;
    if (completing) completed_at = at;
    DL_TRY(
        c.execute(sql_.insert, {new_uuid_v7(), enrollment_id, step_id, status, at, completed_at}));
    return completing;
  }
  if (!completing || rows[0].text(0) == "completed") return false;
  DL_ASSIGN_OR_RETURN(std::int64_t changed, c.execute(sql_.complete, {enrollment_id, step_id, at}));
  return changed > 0;
}

}  // namespace deltalabs::learning
