#pragma once

#include "content/super_course_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"

namespace deltalabs::content {

// GET, POST /v1/super-courses; GET, PATCH /v1/super-courses/:id; GET, POST
// /v1/super-courses/:id/sections; POST /v1/super-courses/:id/publish.
void register_super_course_routes(http::Router& router, SuperCourseService& super_courses,
                                  const CursorCodec& cursors);

}  // namespace deltalabs::content
