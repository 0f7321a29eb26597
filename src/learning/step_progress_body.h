#pragma once

#include "core/body_schema.h"

namespace deltalabs::learning {

// The body that records progress on one step (a content item or a roadmap
// milestone): {<step_field>: uuid, status: started|completed}. No percent:
// that is always derived.
inline BodySchema step_progress_body(const char* step_field, const char* what) {
  return BodySchema{field::uuid(step_field).required().describe(what),
                    field::string("status", 16).required().one_of({"started", "completed"})};
}

}  // namespace deltalabs::learning
