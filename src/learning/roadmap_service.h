#pragma once

#include <string>

#include "catalog/course_service.h"
#include "core/actor.h"
#include "core/result.h"
#include "learning/model.h"
#include "learning/progress_ledger.h"
#include "storage/database.h"

namespace deltalabs::learning {

// A course's learning path. Anyone who may see the course sees its
// milestones; an enrolled learner also sees and records their way through
// them (forward only, like item progress). The course's editors add
// milestones. Completing the last required milestone records a
// roadmap.completed activity event.
class RoadmapService {
 public:
  RoadmapService(Database& db, catalog::CourseService& courses);

  // The course's roadmap with the actor's progress when they are enrolled.
  Result<Roadmap> get(const Actor& actor, const std::string& course_id);
  // Appends a milestone (the course's editors; 403 otherwise).
  Result<RoadmapSection> add_section(const Actor& actor, const std::string& course_id,
                                     const RoadmapSectionInput& input);
  // Records the enrolled actor's progress on one milestone (403 NOT_ENROLLED otherwise).
  Result<Roadmap> update_progress(const Actor& actor, const std::string& course_id,
                                  const std::string& roadmap_section_id, const std::string& status);

 private:
  Result<Roadmap> load(Connection& c, const Actor& actor, const std::string& course_id);

  Database& db_;
  catalog::CourseService& courses_;
  ProgressLedger milestones_;
};

}  // namespace deltalabs::learning
