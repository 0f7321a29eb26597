#pragma once

#include "http/router.h"
#include "storage/database.h"

namespace deltalabs::ops {

// Registers GET /v1/schema?format=json|markdown|mermaid: the data-model
// document generated from the live database's catalog.
void register_schema_routes(http::Router& router, Database& db);

}  // namespace deltalabs::ops
