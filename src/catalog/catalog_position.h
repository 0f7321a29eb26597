#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "catalog/model.h"
#include "core/result.h"

namespace deltalabs::catalog {

// A keyset position in the public catalog: the sort key and id of the last row
// a page showed, written "<sort>|<key>|<id>", so the next page continues
// exactly after it even when courses are added in between. Both the SQL
// listing and the in-memory relevance search read and write this one form.
struct CatalogPosition {
  std::optional<std::int64_t> key;
  std::optional<std::string> id;
};

// The position `after` names for `sort`; empty text is the first page (no key, no id).
// 400 INVALID_CURSOR when it is malformed or belongs to another sort.
Result<CatalogPosition> parse_catalog_position(const std::string& after, CourseSort sort);

// The position after a row with this sort key and id.
std::string catalog_position(CourseSort sort, std::int64_t key, const std::string& id);

}  // namespace deltalabs::catalog
