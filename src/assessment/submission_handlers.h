#pragma once

#include "assessment/submission_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"

namespace deltalabs::assessment {

// Routes of submitting, listing and grading submissions.
void register_submission_routes(http::Router& router, SubmissionService& submissions,
                                const CursorCodec& cursors);

}  // namespace deltalabs::assessment
