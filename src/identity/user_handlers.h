#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "identity/user_service.h"

namespace deltalabs::identity {

// Registers /v1/users/me, /v1/users/me/preferences, /v1/users and /v1/users/:id.
void register_user_routes(http::Router& router, UserService& users, const CursorCodec& cursors);

}  // namespace deltalabs::identity
