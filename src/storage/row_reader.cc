#include "storage/row_reader.h"

#include <variant>

namespace deltalabs {

std::string_view RowSetReader::text(std::size_t i) const {
  if (const auto* s = std::get_if<std::string>(&row_.value(i))) return *s;
  if (formatted_.empty()) formatted_.resize(row_.size());  // most rows never need it
  formatted_[i] = row_.text(i);
  return formatted_[i];
}

}  // namespace deltalabs
