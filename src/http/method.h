#pragma once

#include <string_view>

namespace deltalabs::http {

// The HTTP methods the router knows; anything else is kOther (answered 405).
enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

// Parses a request method token (case-sensitive, as HTTP is).
Method parse_method(std::string_view text);

// The method token, e.g. "GET".
std::string_view method_name(Method m);

}  // namespace deltalabs::http
