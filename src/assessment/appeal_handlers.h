#pragma once

#include "assessment/appeal_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"

namespace deltalabs::assessment {

// Routes of appeals against grade items.
void register_appeal_routes(http::Router& router, AppealService& appeals,
                            const CursorCodec& cursors);

}  // namespace deltalabs::assessment
