#pragma once

#include <string>

#include "core/body_schema.h"

namespace deltalabs::learning {

// What a step-progress body reads: the step and the status it reached.
struct StepProgressInput {
  std::string step_id;
  std::string status;
};

// The body that records progress on one step (a content item or a roadmap
// milestone): {<step_field>: uuid, status: started|completed}, read into a
// StepProgressInput. No percent: that is always derived.
inline BodySchema step_progress_body(const char* step_field, const char* what) {
  return BodySchema{
      field::uuid(step_field).required().describe(what).into(&StepProgressInput::step_id),
      field::string("status", 16)
          .required()
          .one_of({"started", "completed"})
          .into(&StepProgressInput::status)};
}

}  // namespace deltalabs::learning
