#pragma once

#include <string>

#include "engagement/engagement_module.h"
#include "learning/learning_module.h"

namespace deltalabs::engagement {

// Who takes part in the demo community: the demo instructors and admin (one
// of them organizes the event) and the three demo learners.
struct DemoCast {
  std::string admin;
  std::string instructor;
  std::string instructor2;
  std::vector<std::string> learners;  // at least three
};

// The community of `deltalabs seed --demo`, in the course all three demo
// learners attend: a question with two answers (one accepted) and votes, a
// second open question, a discussion thread with replies, and an event with
// two seats, two going and one on the waitlist; all through the services,
// so notifications are written too. Idempotent: a course that already has
// questions is left as it is.
class DemoEngagement {
 public:
  // Loads it; needs the demo learning data (DemoLearning) first.
  static Status load(learning::LearningModule& learning, EngagementModule& engagement,
                     const DemoCast& cast);
};

}  // namespace deltalabs::engagement
