#pragma once

#include <string>

#include "core/actor.h"
#include "core/result.h"
#include "learning/enrollment_service.h"
#include "learning/model.h"
#include "learning/progress_ledger.h"
#include "storage/database.h"

namespace deltalabs::learning {

// Progress through a course's content items. Only the enrolled learner
// records progress (its course's managers may read it: 403 when they try to
// write, 404 for everyone else). Percent complete is derived from the
// course's required items; crossing 25, 50 and 75 percent records a
// milestone, and completing the last required item completes the enrollment,
// each with an activity event, in the same transaction.
class ProgressService {
 public:
  ProgressService(Database& db, EnrollmentService& enrollments);

  // The enrollment's progress.
  Result<ProgressReport> get(const Actor& actor, const std::string& enrollment_id);
  // Records that the learner started or completed an item of the course;
  // progress never moves backwards.
  Result<ProgressReport> update(const Actor& actor, const std::string& enrollment_id,
                                const std::string& content_item_id, const std::string& status);

 private:
  Result<ProgressReport> report(Connection& c, Enrollment enrollment);

  Database& db_;
  EnrollmentService& enrollments_;
  ProgressLedger items_;
};

}  // namespace deltalabs::learning
