#pragma once

#include "ai/content_draft_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"

namespace deltalabs::ai {

// Adds /v1/content-drafts (GET, POST), /v1/content-drafts/:id (GET, PATCH)
// and POST /v1/content-drafts/:id/promote.
void register_draft_routes(http::Router& router, ContentDraftService& drafts,
                           const CursorCodec& cursors);

}  // namespace deltalabs::ai
