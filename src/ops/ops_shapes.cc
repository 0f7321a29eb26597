#include "ops/ops_shapes.h"

#include <boost/json.hpp>

#include "http/shape_fields.h"

namespace deltalabs::ops {

namespace s = http::schema;

DL_JSON_SHAPE(health_shape, Health, "Health", {DL_SHAPE_FIELDS(Health, (status, one_of, {"ok"}))})

DL_JSON_SHAPE(database_health_shape, Health, "DatabaseHealth",
              {DL_SHAPE_FIELDS(Health, (status, one_of, {"ok"}),
                               (database, one_of, {"sqlite", "postgresql"}))})

const http::NamedSchema& openapi_document_schema() {
  static const http::NamedSchema schema("OpenApiDocument",
                                        {{{"type", "object"},
                                          {"required", {"openapi", "info", "paths", "components"}},
                                          {"properties",
                                           {{"openapi", {{"type", "string"}}},
                                            {"info", {{"type", "object"}}},
                                            {"paths", {{"type", "object"}}},
                                            {"components", {{"type", "object"}}}}}},
                                         {}});
  return schema;
}

namespace {

// An object whose listed members are all required and typed by JSON Schema type name.
boost::json::object record(
    std::initializer_list<std::pair<const char*, boost::json::value>> members) {
  boost::json::object properties;
  boost::json::array required;
  for (const auto& [name, type] : members) {
    properties[name] = type.is_object() ? type : boost::json::value{{"type", type}};
    required.emplace_back(name);
  }
  return {
      {"type", "object"}, {"required", std::move(required)}, {"properties", std::move(properties)}};
}

boost::json::object array_of(boost::json::value items) {
  return {{"type", "array"}, {"items", std::move(items)}};
}

}  // namespace

const http::NamedSchema& data_model_schema() {
  static const boost::json::value strings = array_of({{"type", "string"}});
  static const boost::json::value nullable_string = {{"type", {"string", "null"}}};
  static const http::NamedSchema schema(
      "DataModel",
      {record(
           {{"tables", array_of(record({{"name", "string"},
                                        {"domain", "string"},
                                        {"note", "string"},
                                        {"annotated", "boolean"},
                                        {"columns", array_of(record({{"name", "string"},
                                                                     {"type", "string"},
                                                                     {"nullable", "boolean"},
                                                                     {"default", nullable_string},
                                                                     {"primary_key", "boolean"}}))},
                                        {"primary_key", strings},
                                        {"foreign_keys", array_of({{"type", "object"}})},
                                        {"unique", array_of({{"type", "object"}})},
                                        {"checks", strings}}))},
            {"relations", array_of(record({{"from", "string"},
                                           {"to", "string"},
                                           {"cardinality", "string"},
                                           {"cross_domain", "boolean"}}))}}),
       {}});
  return schema;
}

}  // namespace deltalabs::ops
