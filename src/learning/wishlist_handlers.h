#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "learning/wishlist_service.h"

namespace deltalabs::learning {

// Adds /v1/wishlist and /v1/wishlist/:courseId.
void register_wishlist_routes(http::Router& router, WishlistService& wishlist,
                              const CursorCodec& cursors);

}  // namespace deltalabs::learning
