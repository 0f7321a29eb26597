#include "ops/ops_handlers.h"

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "http/openapi.h"
#include "ops/docs_page.h"
#include "ops/ops_shapes.h"
#include "ops/schema_handlers.h"

namespace deltalabs::ops {

namespace {

constexpr const char* kVersion = "1.0.0";

}  // namespace

void register_routes(http::Router& router, OpsContext ctx) {
  using http::Method;
  using http::Request;
  using http::Response;

  router.add({.method = Method::kGet,
              .path = "/health",
              .handler = [](Request&) -> Result<Response> {
                static const std::string body = boost::json::serialize(health_shape().render({}));
                return Response::text(200, body, "application/json");
              },
              .summary = "Liveness: the process answers",
              .tag = "Operations",
              .returns = http::schema::ref(health_shape())});

  router.add({.method = Method::kGet,
              .path = "/health/db",
              .handler = [&db = ctx.db](Request&) -> Result<Response> {
                if (auto pinged = db.ping(); !pinged.ok()) {
                  return Error::unavailable("DATABASE_UNAVAILABLE", "The database does not answer.",
                                            pinged.error().cause);
                }
                const Health health{.database =
                                        db.dialect() == Dialect::kSqlite ? "sqlite" : "postgresql"};
                return Response::json(200, database_health_shape().render(health));
              },
              .summary = "Readiness: the database answers",
              .tag = "Operations",
              .responses = {200, 503},
              .returns = http::schema::ref(database_health_shape())});

  router.add({.method = Method::kGet,
              .path = "/metrics",
              .handler = [&metrics = ctx.metrics](Request&) -> Result<Response> {
                return Response::text(200, metrics.render(),
                                      "text/plain; version=0.0.4; charset=utf-8");
              },
              .summary = "Prometheus metrics",
              .tag = "Operations",
              .produces = "text/plain"});

  // The document is built on first use, once every route is registered.
  auto openapi = std::make_shared<std::string>();
  auto openapi_once = std::make_shared<std::once_flag>();
  router.add({.method = Method::kGet,
              .path = "/v1/openapi.json",
              .handler = [&r = ctx.router, openapi, openapi_once](Request&) -> Result<Response> {
                std::call_once(*openapi_once, [&] {
                  *openapi = boost::json::serialize(http::build_openapi(r, kVersion));
                });
                return Response::text(200, *openapi, "application/json");
              },
              .summary = "The OpenAPI 3.1 document of every route",
              .tag = "Operations",
              .returns = http::schema::ref(openapi_document_schema())});

  register_docs_routes(router, ctx.assets_dir);
  register_schema_routes(router, ctx.db);
}

}  // namespace deltalabs::ops
