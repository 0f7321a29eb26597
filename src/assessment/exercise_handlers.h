#pragma once

#include "assessment/exercise_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"

namespace deltalabs::assessment {

// Routes of /v1/courses/:id/exercises and /v1/courses/:id/exercises/:eid.
void register_exercise_routes(http::Router& router, ExerciseService& exercises,
                              const CursorCodec& cursors);

}  // namespace deltalabs::assessment
