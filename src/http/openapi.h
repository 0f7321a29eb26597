#pragma once

#include <boost/json/object.hpp>

#include <string>

#include "http/router.h"

namespace deltalabs::http {

// Builds the OpenAPI 3.1 document of every route in the router: paths with
// their parameters, request body schemas, documented responses (errors as
// problem+json), security and the permission each route needs.
boost::json::object build_openapi(const Router& router, const std::string& version);

// "/v1/users/:id" -> "/v1/users/{id}".
std::string openapi_path(const std::string& route_path);

}  // namespace deltalabs::http
