#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace deltalabs::http {

// Readers for fields of a body that BodySchema has already validated, so
// types are known to be right; absent fields read as nullopt.

// A string field, or nullopt when absent or null.
std::optional<std::string> optional_string(const boost::json::object& body, std::string_view key);
// A required string field ("" if absent; the schema guarantees presence).
std::string required_string(const boost::json::object& body, std::string_view key);
// An integer field, or nullopt.
std::optional<std::int64_t> optional_int(const boost::json::object& body, std::string_view key);

// Writers shared by every domain's rendering.

// The text, or JSON null for nullopt.
boost::json::value text_or_null(const std::optional<std::string>& text);
// A stored JSON object text parsed back into an object ({} when it is not one).
boost::json::value object_or_empty(const std::string& text);

}  // namespace deltalabs::http
