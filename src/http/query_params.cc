#include "http/query_params.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/unicode_text.h"

namespace deltalabs::http {

namespace {

// "a", "a or b", "a, b or c".
std::string alternatives(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += i + 1 == values.size() ? " or " : ", ";
    out += values[i];
  }
  return out;
}

std::optional<std::int64_t> parse_integer(const std::string& text) {
  std::int64_t n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return n;
}

// What an integer parameter must be, e.g. "must be an integer from 1 to 100".
std::string integer_rule(const QueryParam& p) {
  if (p.minimum && p.maximum)
    return "must be an integer from " + std::to_string(*p.minimum) + " to " +
           std::to_string(*p.maximum);
  if (p.minimum) return "must be an integer of at least " + std::to_string(*p.minimum);
  if (p.maximum) return "must be an integer of at most " + std::to_string(*p.maximum);
  return "must be an integer";
}

bool integer_fits(const QueryParam& p, const std::string& value) {
  const auto n = parse_integer(value);
  return n && (!p.minimum || *n >= *p.minimum) && (!p.maximum || *n <= *p.maximum);
}

// The rule `value` breaks, or nullopt when it is one `p` accepts.
std::optional<std::string> broken_rule(const QueryParam& p, const std::string& value) {
  if (p.type == "integer")
    return integer_fits(p, value) ? std::nullopt : std::optional(integer_rule(p));
  if (p.type == "boolean") {
    if (value == "true" || value == "false") return std::nullopt;
    return "must be true or false";
  }
  if (p.allowed.empty() ||
      std::find(p.allowed.begin(), p.allowed.end(), value) != p.allowed.end()) {
    return std::nullopt;
  }
  return "must be " + alternatives(p.allowed);
}

}  // namespace

boost::json::object QueryParams::schema(const QueryParam& param) {
  boost::json::object s{{"type", param.type}};
  if (!param.allowed.empty()) {
    boost::json::array values;
    for (const auto& v : param.allowed) values.emplace_back(v);
    s["enum"] = std::move(values);
  }
  if (param.minimum) s["minimum"] = *param.minimum;
  if (param.maximum) s["maximum"] = *param.maximum;
  return s;
}

Status QueryParams::check(const Route& route, const Request& req) {
  std::vector<FieldError> problems;
  for (const QueryParam& p : route.query) {
    const auto value = req.query(p.name);
    if (!value) continue;
    auto rule = broken_rule(p, *value);
    if (!rule) continue;
    if (!p.invalid_code.empty()) {
      return Error::bad_request(p.invalid_code, p.name + " " + *rule + ", not '" +
                                                    UnicodeText::to_valid_utf8(*value, 40) + "'.");
    }
    problems.push_back({p.name, std::move(*rule)});
  }
  if (problems.empty()) return {};
  return Error::invalid("The query is not valid.", std::move(problems));
}

}  // namespace deltalabs::http
