#pragma once

#include <string>
#include <string_view>

#include "http/request.h"

namespace deltalabs::http {

// A path parameter as an owned string ("" when absent), for service calls.
inline std::string path_param(const Request& req, std::string_view name = "id") {
  return std::string(req.param(name));
}

}  // namespace deltalabs::http
