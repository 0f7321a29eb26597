#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "labs/host_service.h"
#include "labs/lab_service.h"

namespace deltalabs::labs {

// Adds the routes of hosts, labs and their availability (/v1/hosts, /v1/labs,
// /v1/labs/:id/availability).
void register_lab_routes(http::Router& router, HostService& hosts, LabService& labs,
                         const CursorCodec& cursors);

}  // namespace deltalabs::labs
