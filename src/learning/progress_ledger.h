#pragma once

#include <string>

#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::learning {

// A per-enrollment record of steps (content items, roadmap milestones) that
// only moves forward: none -> started -> completed. Item progress and
// roadmap progress share this rule through their own statements.
class ProgressLedger {
 public:
  // The statements of one progress table; each takes (enrollment_id, step_id, ...).
  struct Statements {
    const char* select_status;  // ($1 enrollment, $2 step) -> status
    const char* insert;         // ($1 id, $2 enrollment, $3 step, $4 status, $5 now, $6 completed)
    const char* complete;       // ($1 enrollment, $2 step, $3 now), only from started
  };

  explicit ProgressLedger(Statements statements) : sql_(statements) {}

  // Moves the step to `status` (started or completed) unless it is already
  // there or further; true when this call completed it.
  Result<bool> advance(Connection& c, const std::string& enrollment_id, const std::string& step_id,
                       const std::string& status) const;

 private:
  Statements sql_;
};

}  // namespace deltalabs::learning
