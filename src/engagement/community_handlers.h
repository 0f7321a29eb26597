#pragma once

#include "core/cursor_codec.h"
#include "engagement/event_service.h"
#include "engagement/thread_service.h"
#include "http/router.h"

namespace deltalabs::engagement {

// Adds a course's community: discussion threads (/v1/courses/:id/community/threads,
// /v1/threads/:id, its posts) and events (/v1/courses/:id/community/events,
// /v1/events/:id, its RSVP).
void register_community_routes(http::Router& router, ThreadService& threads, EventService& events,
                               const CursorCodec& cursors);

}  // namespace deltalabs::engagement
