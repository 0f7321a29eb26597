#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "learning/activity_service.h"

namespace deltalabs::learning {

// Adds GET /v1/activity, the caller's own feed.
void register_activity_routes(http::Router& router, ActivityService& activity,
                              const CursorCodec& cursors);

}  // namespace deltalabs::learning
