#include "http/json_fields.h"

#include <boost/json.hpp>

namespace deltalabs::http {

std::optional<std::string> optional_string(const boost::json::object& body, std::string_view key) {
  const auto* v = body.if_contains(key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

std::string required_string(const boost::json::object& body, std::string_view key) {
  return optional_string(body, key).value_or("");
}

std::optional<std::int64_t> optional_int(const boost::json::object& body, std::string_view key) {
  const auto* v = body.if_contains(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64()) return static_cast<std::int64_t>(v->get_uint64());
  return std::nullopt;
}

boost::json::value text_or_null(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

boost::json::value object_or_empty(const std::string& text) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return boost::json::object{};
  return v;
}

}  // namespace deltalabs::http
