#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "identity/role_service.h"

namespace deltalabs::identity {

// Registers /v1/roles, /v1/roles/:id, /v1/roles/:id/permissions and
// /v1/roles/:id/permissions/:permissionId.
void register_role_routes(http::Router& router, RoleService& roles, const CursorCodec& cursors);

}  // namespace deltalabs::identity
