#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "identity/permission_service.h"

namespace deltalabs::identity {

// Registers /v1/permissions and /v1/permissions/:id.
void register_permission_routes(http::Router& router, PermissionService& permissions,
                                const CursorCodec& cursors);

}  // namespace deltalabs::identity
