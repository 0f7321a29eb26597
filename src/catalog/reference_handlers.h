#pragma once

#include "catalog/instructor_service.h"
#include "catalog/reference_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"

namespace deltalabs::catalog {

// GET, POST /v1/course-categories, /v1/course-levels and /v1/instructors.
void register_reference_routes(http::Router& router, ReferenceService& categories,
                               ReferenceService& levels, InstructorService& instructors,
                               const CursorCodec& cursors);

}  // namespace deltalabs::catalog
