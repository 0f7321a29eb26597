#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "identity/organization_type_service.h"

namespace deltalabs::identity {

// Registers /v1/organization-types and /v1/organization-types/:id.
void register_organization_type_routes(http::Router& router, OrganizationTypeService& types,
                                       const CursorCodec& cursors);

}  // namespace deltalabs::identity
