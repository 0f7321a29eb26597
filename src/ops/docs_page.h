#pragma once

#include "app/config.h"
#include "http/router.h"

namespace deltalabs::ops {

// Registers /docs (Swagger UI over /v1/openapi.json) and /docs/:asset, which
// serves the files of the npm package swagger-ui-dist from memory.
void register_docs_routes(http::Router& router, const Config& config);

}  // namespace deltalabs::ops
