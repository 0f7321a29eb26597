#pragma once

#include <functional>
#include <optional>
#include <string>

#include "catalog/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::catalog {

// The public catalog: published courses filtered, searched in full text and
// ordered, one keyset page at a time. Positions are "<sort>|<key>|<id>", so a
// page continues exactly after the last row seen even when courses are added.
class CourseCatalogRepository {
 public:
  // Hands the page of published courses matching the query to `item` in
  // order, with their instructor ids, each read into the same Course (valid
  // during the call); returns the position after the last one when more remain.
  static Result<std::optional<std::string>> each(Connection& c, const CourseQuery& query,
                                                 const PageRequest& page,
                                                 const std::function<void(const Course&)>& item);
  // The words of a free-text query: runs of letters and digits, lower-cased, at most 8.
  static std::vector<std::string> words_of(const std::string& q);
  // Words as the dialect's matcher takes them: FTS5 quoted phrases, or plain words for
  // plainto_tsquery.
  static std::string match_text(Dialect dialect, const std::vector<std::string>& words);
  // Whether the query narrows the catalog by anything but its text.
  static bool filtered(const CourseQuery& q);
};

}  // namespace deltalabs::catalog
