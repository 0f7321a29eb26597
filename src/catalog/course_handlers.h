#pragma once

#include "catalog/course_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"

namespace deltalabs::catalog {

// GET, POST /v1/courses; GET, PATCH, DELETE /v1/courses/:id; POST /v1/courses/:id/publish.
void register_course_routes(http::Router& router, CourseService& courses,
                            const CursorCodec& cursors);

}  // namespace deltalabs::catalog
