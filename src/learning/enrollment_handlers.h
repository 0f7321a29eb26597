#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "learning/enrollment_service.h"
#include "learning/progress_service.h"

namespace deltalabs::learning {

// Adds /v1/enrollments (enroll, list mine, read, cancel), their progress and
// /v1/courses/:id/members.
void register_enrollment_routes(http::Router& router, EnrollmentService& enrollments,
                                ProgressService& progress, const CursorCodec& cursors);

}  // namespace deltalabs::learning
