#include "ops/ops_handlers.h"

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "http/openapi.h"
#include "http/route_group.h"
#include "ops/docs_page.h"
#include "ops/ops_shapes.h"
#include "ops/schema_handlers.h"

namespace deltalabs::ops {

namespace {

constexpr const char* kVersion = "1.0.0";

}  // namespace

void register_routes(http::Router& router, OpsContext ctx) {
  const http::RouteGroup anyone(router, "Operations", http::Access::kPublic);

  anyone.add({.method = http::Method::kGet,
              .path = "/health",
              .handler = [](http::Request&) -> Result<http::Response> {
                static const std::string body = boost::json::serialize(health_shape().render({}));
                return http::Response::text(200, body, "application/json");
              },
              .summary = "Liveness: the process answers",
              .returns = http::schema::ref(health_shape())});

  anyone.add({.method = http::Method::kGet,
              .path = "/health/db",
              .handler = [&db = ctx.db](http::Request&) -> Result<http::Response> {
                if (auto pinged = db.ping(); !pinged.ok()) {
                  return Error::unavailable("DATABASE_UNAVAILABLE", "The database does not answer.",
                                            pinged.error().cause);
                }
                const Health health{.database =
                                        db.dialect() == Dialect::kSqlite ? "sqlite" : "postgresql"};
                return http::Response::json(200, database_health_shape().render(health));
              },
              .summary = "Readiness: the database answers",
              .responses = {200, 503},
              .returns = http::schema::ref(database_health_shape())});

  anyone.add({.method = http::Method::kGet,
              .path = "/metrics",
              .handler = [&metrics = ctx.metrics](http::Request&) -> Result<http::Response> {
                return http::Response::text(200, metrics.render(),
                                            "text/plain; version=0.0.4; charset=utf-8");
              },
              .summary = "Prometheus metrics",
              .produces = "text/plain"});

  // The document is built on first use, once every route is registered.
  auto openapi = std::make_shared<std::string>();
  auto openapi_once = std::make_shared<std::once_flag>();
  anyone.add({.method = http::Method::kGet,
              .path = "/v1/openapi.json",
              .handler = [&r = ctx.router, openapi,
                          openapi_once](http::Request&) -> Result<http::Response> {
                std::call_once(*openapi_once, [&] {
                  *openapi = boost::json::serialize(http::build_openapi(r, kVersion));
                });
                return http::Response::text(200, *openapi, "application/json");
              },
              .summary = "The OpenAPI 3.1 document of every route",
              .returns = http::schema::ref(openapi_document_schema())});

  register_docs_routes(router, ctx.assets_dir);
  register_schema_routes(router, ctx.db);
}

}  // namespace deltalabs::ops
