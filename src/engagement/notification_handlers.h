#pragma once

#include "core/cursor_codec.h"
#include "engagement/notification_hub.h"
#include "engagement/notification_service.h"
#include "http/router.h"

namespace deltalabs::engagement {

// Adds /v1/notifications (mine, unread first), /v1/notifications/:id/read
// and /v1/notifications/stream (Server-Sent Events).
void register_notification_routes(http::Router& router, NotificationService& notifications,
                                  NotificationHub& hub, const CursorCodec& cursors);

}  // namespace deltalabs::engagement
