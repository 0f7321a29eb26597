#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "identity/organization_member_service.h"
#include "identity/organization_service.h"

namespace deltalabs::identity {

// Registers /v1/organizations, /v1/organizations/:id, /v1/organizations/:id/members
// and /v1/organizations/:id/members/:userId.
void register_organization_routes(http::Router& router, OrganizationService& organizations,
                                  OrganizationMemberService& members, const CursorCodec& cursors);

}  // namespace deltalabs::identity
