#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "learning/activity_service.h"
#include "learning/wishlist_service.h"

namespace deltalabs::learning {

// Adds /v1/wishlist and /v1/wishlist/:courseId.
void register_wishlist_routes(http::Router& router, WishlistService& wishlist,
                              const CursorCodec& cursors);

// Adds GET /v1/activity, the caller's own feed.
void register_activity_routes(http::Router& router, ActivityService& activity,
                              const CursorCodec& cursors);

}  // namespace deltalabs::learning
