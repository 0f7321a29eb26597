#pragma once

#include <string>

#include "http/metrics.h"
#include "http/router.h"
#include "storage/database.h"

namespace deltalabs::ops {

// What the operational endpoints read.
struct OpsContext {
  Database& db;
  http::Metrics& metrics;
  const http::Router& router;
  std::string assets_dir;  // Swagger UI's files for /docs; empty = the usual places
};

// Registers /health, /health/db, /metrics, /v1/openapi.json, /docs and /v1/schema.
void register_routes(http::Router& router, OpsContext context);

}  // namespace deltalabs::ops
