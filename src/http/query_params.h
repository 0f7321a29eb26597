#pragma once

#include <boost/json/object.hpp>

#include "core/result.h"
#include "http/request.h"
#include "http/route.h"

namespace deltalabs::http {

// A route's declared query parameters, as the OpenAPI document states them
// and as the pipeline enforces them: one declaration, two readings.
class QueryParams {
 public:
  // The JSON Schema of `param`'s value: its type, enum and bounds.
  static boost::json::object schema(const QueryParam& param);
  // Checks every declared parameter `req` carries against its type, enum and
  // bounds: a 400 problem for the first one with its own code, otherwise one
  // VALIDATION_FAILED listing every bad parameter.
  static Status check(const Route& route, const Request& req);
};

}  // namespace deltalabs::http
