#pragma once

#include <string>
#include <vector>

#include "labs/labs_module.h"

namespace deltalabs::labs {

// Who takes part in the demo labs: a demo instructor hosts them, the demo
// lab assistant approves, the demo learners book.
struct DemoLabsCast {
  std::string host;
  std::string lab_assistant;
  std::vector<std::string> learners;  // at least three
};

// The labs of `deltalabs seed --demo`: the instructor hosts a free
// electronics bench (slots next week, two learners booked, one slot full with
// the third learner waiting) and a 3D printing studio that needs approval
// and costs 15.00 USD per seat (one booking approved by the lab assistant,
// holding its seat until paid); all through the services. Idempotent: a host
// that exists already is left as it is.
class DemoLabs {
 public:
  // Loads it.
  static Status load(LabsModule& labs, const DemoLabsCast& cast);
};

}  // namespace deltalabs::labs
