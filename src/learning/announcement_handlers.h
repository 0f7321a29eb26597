#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "learning/announcement_service.h"

namespace deltalabs::learning {

// Adds GET and POST /v1/courses/:id/announcements and GET /v1/announcements/:id.
void register_announcement_routes(http::Router& router, AnnouncementService& announcements,
                                  const CursorCodec& cursors);

}  // namespace deltalabs::learning
