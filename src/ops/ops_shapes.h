#pragma once

#include <string>

#include "http/json_shape.h"

namespace deltalabs::ops {

// What a health check reports.
struct Health {
  std::string status = "ok";
  std::string database;  // sqlite or postgresql; empty for the process check
};

// {status}: the process answers.
const http::JsonShape<Health>& health_shape();
// {status, database}: the database answers too.
const http::JsonShape<Health>& database_health_shape();
// The OpenAPI document itself, as far as a client relies on it.
const http::NamedSchema& openapi_document_schema();
// The data model as GET /v1/schema?format=json renders it (DataModelDocument::json).
const http::NamedSchema& data_model_schema();

}  // namespace deltalabs::ops
