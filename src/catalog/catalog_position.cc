#include "catalog/catalog_position.h"

#include <charconv>

namespace deltalabs::catalog {

namespace {

const char* sort_name(CourseSort sort) {
  switch (sort) {
    case CourseSort::kRelevance:
      return "relevance";
    case CourseSort::kPopular:
      return "popular";
    case CourseSort::kPrice:
      return "price";
    case CourseSort::kNewest:
      break;
  }
  return "newest";
}

}  // namespace

Result<CatalogPosition> parse_catalog_position(const std::string& after, CourseSort sort) {
  if (after.empty()) return CatalogPosition{};
  const auto bad =
      Error::bad_request("INVALID_CURSOR", "The cursor does not belong to this listing.");
  const auto first = after.find('|');
  const auto second = after.find('|', first == std::string::npos ? first : first + 1);
  if (first == std::string::npos || second == std::string::npos) return bad;
  if (after.substr(0, first) != sort_name(sort)) return bad;
  std::int64_t key = 0;
  const char* begin = after.data() + first + 1;
  const char* end = after.data() + second;
  if (std::from_chars(begin, end, key).ptr != end) return bad;
  return CatalogPosition{key, after.substr(second + 1)};
}

std::string catalog_position(CourseSort sort, std::int64_t key, const std::string& id) {
  return std::string(sort_name(sort)) + "|" + std::to_string(key) + "|" + id;
}

}  // namespace deltalabs::catalog
