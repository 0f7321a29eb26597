#pragma once

#include <string>

#include "http/router.h"

namespace deltalabs::ops {

// Registers /docs (Swagger UI over /v1/openapi.json) and /docs/:asset, which
// serves the files of the npm package swagger-ui-dist from memory, read from
// `assets_dir` (empty: the usual places).
void register_docs_routes(http::Router& router, const std::string& assets_dir);

}  // namespace deltalabs::ops
