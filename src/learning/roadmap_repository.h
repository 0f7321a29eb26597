#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "learning/model.h"
#include "learning/progress_ledger.h"
#include "storage/connection.h"

namespace deltalabs::learning {

// Rows of roadmap_sections (a course's learning path).
class RoadmapRepository {
 public:
  // The course's milestones in order, each with `enrollment_id`'s state on it (none when empty).
  static Result<std::vector<RoadmapSection>> sections(Connection& c, const std::string& course_id,
                                                      const std::string& enrollment_id);
  // Appends a milestone to the course's path and returns its id.
  static Result<std::string> insert(Connection& c, const std::string& course_id,
                                    const RoadmapSectionInput& input);
  // True when the milestone belongs to the course.
  static Result<bool> in_course(Connection& c, const std::string& roadmap_section_id,
                                const std::string& course_id);
  // The statements of milestone progress (roadmap_progress), for ProgressLedger.
  static ProgressLedger::Statements milestone_progress();
};

}  // namespace deltalabs::learning
