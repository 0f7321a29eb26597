#pragma once

#include "content/course_material_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"

namespace deltalabs::content {

// GET, POST /v1/courses/:id/supplements and /v1/courses/:id/resources.
void register_material_routes(http::Router& router, CourseMaterialService& materials,
                              const CursorCodec& cursors);

}  // namespace deltalabs::content
