#include "storage/row_set.h"

#include <stdexcept>

namespace deltalabs {

bool Row::is_null(std::size_t i) const { return std::holds_alternative<std::monostate>(value(i)); }

std::string Row::text(std::size_t i) const {
  const Value& v = value(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return {};
}

std::int64_t Row::integer(std::size_t i) const {
  const Value& v = value(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? 1 : 0;
  if (const auto* s = std::get_if<std::string>(&v)) return std::stoll(*s);
  return 0;
}

double Row::real(std::size_t i) const {
  const Value& v = value(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return std::stod(*s);
  return 0;
}

bool Row::boolean(std::size_t i) const {
  const Value& v = value(i);
  if (const auto* b = std::get_if<bool>(&v)) return *b;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n != 0;
  if (const auto* s = std::get_if<std::string>(&v)) return *s == "t" || *s == "true" || *s == "1";
  return false;
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

std::size_t Row::index(std::string_view column) const {
  for (std::size_t i = 0; i < columns_->size(); ++i) {
    if ((*columns_)[i] == column) return i;
  }
  throw std::out_of_range("no column " + std::string(column));
}

}  // namespace deltalabs
