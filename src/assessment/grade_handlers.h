#pragma once

#include "assessment/grade_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"

namespace deltalabs::assessment {

// Routes of course grades, grade items (with overrides) and the ranking.
void register_grade_routes(http::Router& router, GradeService& grades, const CursorCodec& cursors);

}  // namespace deltalabs::assessment
