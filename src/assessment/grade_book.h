#pragma once

#include <optional>
#include <string>

#include "assessment/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::assessment {

// Who changes a grade, and why: what the item's history records.
struct GradeChangeCause {
  std::string changed_by;
  std::string source;  // submission, grading, override, appeal
  std::string reason;
};

// The writes behind every grade change, always inside the caller's
// transaction with the enrollment's row locked: the grade item, its history
// and the course grade change together or not at all.
class GradeBook {
 public:
  // Brings the enrollment's item for `exercise_id` in line with the learner's
  // best graded submission (creating it at the first one), unless a grader
  // overrode it, then recomputes the course grade. No-op without a graded submission.
  static Status sync_with_submissions(Connection& c, const std::string& enrollment_id,
                                      const std::string& user_id, const std::string& exercise_id,
                                      const GradeChangeCause& cause);
  // A grader's decision (override, accepted appeal): sets the item's score,
  // marks it overridden, records the change and recomputes the course grade.
  // Returns the item as it is now.
  static Result<GradeItem> set_score(Connection& c, const GradeItem& item, double score,
                                     const GradeChangeCause& cause);
  // Recomputes the enrollment's course score from its items and stores it.
  static Status recompute(Connection& c, const std::string& enrollment_id);
};

}  // namespace deltalabs::assessment
