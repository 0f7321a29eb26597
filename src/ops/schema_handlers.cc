#include "ops/schema_handlers.h"

#include <string>

#include "core/unicode_text.h"
#include "http/route_group.h"
#include "ops/data_model_document.h"
#include "ops/ops_shapes.h"
#include "storage/schema_catalog.h"

namespace deltalabs::ops {

void register_schema_routes(http::Router& router, Database& db) {
  const http::RouteGroup anyone(router, "Operations", http::Access::kPublic);

  anyone.add(
      {.method = http::Method::kGet,
       .path = "/v1/schema",
       .handler = [&db](http::Request& request) -> Result<http::Response> {
         const std::string name = request.query("format").value_or("json");
         const auto format = DataModelDocument::parse_format(name);
         if (!format) {
           return Error::bad_request("INVALID_FORMAT",
                                     "format must be json, markdown or mermaid, not '" +
                                         UnicodeText::to_valid_utf8(name, 40) + "'.");
         }
         DL_ASSIGN_OR_RETURN(auto conn, db.read());
         DL_ASSIGN_OR_RETURN(SchemaCatalog catalog, read_schema_catalog(*conn));
         const DataModelDocument document(std::move(catalog));
         return http::Response::text(200, document.render(*format),
                                     DataModelDocument::content_type(*format));
       },
       .summary =
           "The data model (tables, fields, relations, cardinality) read from the live database",
       .query = {{.name = "format",
                  .type = "string",
                  .description =
                      "json (default), markdown (the docs/data-model.md document) or mermaid "
                      "(the ER diagram only); anything else is a 400 INVALID_FORMAT problem",
                  .allowed = {"json", "markdown", "mermaid"},
                  .invalid_code = "INVALID_FORMAT"}},
       .responses = {200, 400},
       .returns = http::schema::ref(data_model_schema()),
       .also_produces = {"text/markdown", "text/plain"}});
}

}  // namespace deltalabs::ops
