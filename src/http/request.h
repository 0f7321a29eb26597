#pragma once

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/actor.h"
#include "http/method.h"

namespace deltalabs::http {

struct Route;

// One HTTP request as handlers see it. Views point into the connection's
// buffers and live as long as the request is being handled.
struct Request {
  Method method = Method::kGet;
  std::string_view method_text;
  std::string_view path;
  std::string_view query_string;
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  std::string_view body;
  std::string remote_address;

  // Filled in by the pipeline.
  std::string request_id;
  const Route* route = nullptr;
  std::vector<std::pair<std::string_view, std::string_view>> path_params;
  std::optional<Actor> actor;  // set on authenticated requests
  boost::json::value json;     // the validated body of routes that declare one

  // A header value (name case-insensitive), or "" when absent.
  std::string_view header(std::string_view name) const;
  // A path parameter by name, or "" when absent.
  std::string_view param(std::string_view name) const;
  // A query parameter, percent-decoded; nullopt when absent.
  std::optional<std::string> query(std::string_view name) const;
  // The signed-in actor (or an anonymous one) with this request's id and address.
  Actor caller() const;
};

// Decodes %XX escapes and '+' (as space) in a query component.
std::string percent_decode(std::string_view text);

}  // namespace deltalabs::http
