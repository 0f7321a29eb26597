#pragma once

#include <string>
#include <vector>

#include "assessment/assessment_module.h"
#include "core/actor.h"
#include "learning/learning_module.h"

namespace deltalabs::assessment {

// The assessment part of `deltalabs seed --demo`: two published exercises in
// the course every demo learner joined (one objective quiz with three
// attempts, one free-text reflection), each learner's submissions, the
// reflection graded by hand, and an open appeal, all through the services.
// Idempotent: a course that already has exercises is left alone.
class DemoAssessment {
 public:
  // Loads it acting as `staff` (who may author and grade the course) for the learners.
  static Status load(learning::LearningModule& learning, AssessmentModule& assessment,
                     const Actor& staff, const std::vector<std::string>& learner_ids);
};

}  // namespace deltalabs::assessment
