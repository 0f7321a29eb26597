#include "core/body_schema.h"

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

// The body_read functions declared in core/body_schema.h: how
// BodySchema::read stores a validated value into a request struct's member.
namespace deltalabs::body_read {

namespace {

std::optional<std::int64_t> as_int(const boost::json::value& v) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64()) return static_cast<std::int64_t>(v.get_uint64());
  return std::nullopt;
}

}  // namespace

void assign(const boost::json::value& v, std::string& out) {
  if (v.is_string()) {
    out = std::string(v.get_string());
  } else if (v.is_object() || v.is_array()) {
    out = boost::json::serialize(v);
  }
}

void assign(const boost::json::value& v, std::optional<std::string>& out) {
  if (v.is_null()) {
    out.reset();
    return;
  }
  std::string text;
  assign(v, text);
  out = std::move(text);
}

void assign(const boost::json::value& v, std::optional<std::optional<std::string>>& out) {
  std::optional<std::string> inner;
  assign(v, inner);
  out = std::move(inner);
}

void assign(const boost::json::value& v, std::int64_t& out) {
  if (auto n = as_int(v)) out = *n;
}

void assign(const boost::json::value& v, std::optional<std::int64_t>& out) { out = as_int(v); }

void assign(const boost::json::value& v, std::optional<std::optional<std::int64_t>>& out) {
  out = as_int(v);
}

void assign(const boost::json::value& v, int& out) {
  if (auto n = as_int(v)) out = static_cast<int>(*n);
}

void assign(const boost::json::value& v, std::optional<int>& out) {
  if (auto n = as_int(v)) {
    out = static_cast<int>(*n);
  } else {
    out.reset();
  }
}

void assign(const boost::json::value& v, bool& out) {
  if (v.is_bool()) out = v.get_bool();
}

void assign(const boost::json::value& v, std::optional<bool>& out) {
  if (v.is_bool()) {
    out = v.get_bool();
  } else {
    out.reset();
  }
}

void assign(const boost::json::value& v, std::vector<std::string>& out) {
  if (!v.is_array()) return;
  out.clear();
  for (const auto& item : v.get_array()) {
    if (item.is_string()) out.emplace_back(item.get_string());
  }
}

void assign(const boost::json::value& v, std::optional<std::vector<std::string>>& out) {
  if (!v.is_array()) {
    out.reset();
    return;
  }
  std::vector<std::string> items;
  assign(v, items);
  out = std::move(items);
}

void assign(const boost::json::value& v, std::vector<std::int64_t>& out) {
  if (!v.is_array()) return;
  out.clear();
  for (const auto& item : v.get_array()) {
    if (auto n = as_int(item)) out.push_back(*n);
  }
}

void for_each_item(const boost::json::value& v,
                   const std::function<void(const boost::json::value&)>& fn) {
  if (!v.is_array()) return;
  for (const auto& item : v.get_array()) fn(item);
}

}  // namespace deltalabs::body_read
