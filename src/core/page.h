#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace deltalabs {

// Which slice of a list a caller wants: at most `limit` items after `after`
// (a position from a previous page; empty for the first page).
struct PageRequest {
  int limit = 20;
  std::string after;
};

// One slice of a list and the position to continue from, if more remain.
template <class T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next;
};

// Cuts `rows` fetched with LIMIT limit+1 down to a page; `position_of(item)`
// gives the position to continue after the last item kept.
template <class T, class F>
Page<T> make_page(std::vector<T> rows, int limit, F position_of) {
  Page<T> page;
  const bool more = static_cast<int>(rows.size()) > limit;
  if (more) rows.resize(static_cast<std::size_t>(limit));
  if (more && !rows.empty()) page.next = position_of(rows.back());
  page.items = std::move(rows);
  return page;
}

// The page a reader that hands its items over one by one produced:
// `each(item)` calls item(const T&) per item and returns the position after
// the last one when more remain (Result<std::optional<std::string>>).
template <class T, class Each>
Result<Page<T>> collect_page(Each each) {
  Page<T> page;
  DL_ASSIGN_OR_RETURN(page.next, each([&page](const T& item) { page.items.push_back(item); }));
  return page;
}

}  // namespace deltalabs
