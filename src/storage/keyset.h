#pragma once

// Keyset paging, written once: the SQL clause a paged list statement ends
// with, the values it binds, and the page made of the rows it returns.
//
// A list statement ends with DL_KEYSET_ASC / DL_KEYSET_DESC (composed at
// compile time into its named constant in <domain>_sql.h) and binds the
// position and the limit as its last two parameters: keyset_params appends
// them, query_page runs the statement and cuts its rows to a Page. A page
// asks for one row more than its limit; that row only tells that more remain.
//
//   inline constexpr const char* kListCoupons =
//       DL_COUPON_SELECT "WHERE " DL_KEYSET_DESC(id, 1, 2);
//   return query_page(c, sql::kListCoupons, {}, page, coupon_from);

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

// "$n" for a parameter number.
#define DL_SQL_PARAM(n) "$" #n

// Rows whose `key` (as text) comes after the position bound to $after ('' for
// the first page), in ascending key order, at most $limit of them.
#define DL_KEYSET_ASC(key, after, limit)                                        \
  "(" DL_SQL_PARAM(after) " = '' OR CAST(" #key                                 \
                          " AS TEXT) > " DL_SQL_PARAM(after) ") ORDER BY " #key \
                                                             " LIMIT " DL_SQL_PARAM(limit)

// The same in descending key order: rows before the position, newest first
// for UUIDv7 ids.
#define DL_KEYSET_DESC(key, after, limit)                                       \
  "(" DL_SQL_PARAM(after) " = '' OR CAST(" #key                                 \
                          " AS TEXT) < " DL_SQL_PARAM(after) ") ORDER BY " #key \
                                                             " DESC LIMIT " DL_SQL_PARAM(limit)

// Ascending, ordered by the key's text rather than its own type: for keys
// whose type orders otherwise on some backend (user ids joined from another
// table, compared and ordered the same way on both).
#define DL_KEYSET_ASC_BY_TEXT(key, after, limit)                             \
  "(" DL_SQL_PARAM(after) " = '' OR CAST(" #key " AS TEXT) > " DL_SQL_PARAM( \
      after) ") ORDER BY CAST(" #key " AS TEXT) LIMIT " DL_SQL_PARAM(limit)

namespace deltalabs {

namespace keyset_detail {

template <class R>
struct Unwrapped {
  using type = R;
};
template <class T>
struct Unwrapped<Result<T>> {
  using type = T;
};

// The item type a row reader makes: T for `T read(const Row&)` and for
// `Result<T> read(const Row&)`.
template <class Read>
using ItemOf = typename Unwrapped<std::decay_t<std::invoke_result_t<Read&, const Row&>>>::type;

template <class R>
inline constexpr bool kIsResult = false;
template <class T>
inline constexpr bool kIsResult<Result<T>> = true;

// The position after an item: its id.
struct IdOf {
  template <class T>
  const std::string& operator()(const T& item) const {
    return item.id;
  }
};

}  // namespace keyset_detail

// `params` followed by the page's position and one row more than its limit:
// the values of a statement ending in DL_KEYSET_*.
inline Params keyset_params(Params params, const PageRequest& page) {
  params.add(page.after);
  params.add(page.limit + 1);
  return params;
}

// The page of `rows` a statement bound with keyset_params returned: the first
// page.limit rows, each made an item by `read(row)` (returning T or
// Result<T>, whose error is returned), and, when a row more came, the
// position `position_of(last item)` to continue after.
template <class Read, class PositionOf = keyset_detail::IdOf>
Result<Page<keyset_detail::ItemOf<Read>>> page_from(const RowSet& rows, const PageRequest& page,
                                                    Read&& read, PositionOf&& position_of = {}) {
  using T = keyset_detail::ItemOf<Read>;
  const std::size_t limit = page.limit > 0 ? static_cast<std::size_t>(page.limit) : 0;
  const std::size_t kept = rows.size() < limit ? rows.size() : limit;
  Page<T> out;
  out.items.reserve(kept);
  for (std::size_t i = 0; i < kept; ++i) {
    if constexpr (keyset_detail::kIsResult<std::decay_t<std::invoke_result_t<Read&, const Row&>>>) {
      DL_ASSIGN_OR_RETURN(T item, read(rows[i]));
      out.items.push_back(std::move(item));
    } else {
      out.items.push_back(read(rows[i]));
    }
  }
  if (rows.size() > kept && !out.items.empty()) out.next = position_of(out.items.back());
  return out;
}

// Runs `sql`, a statement ending in DL_KEYSET_*, with `params` then the page's
// position and limit + 1, and returns page_from of its rows.
template <class Read, class PositionOf = keyset_detail::IdOf>
Result<Page<keyset_detail::ItemOf<Read>>> query_page(Connection& c, std::string_view sql,
                                                     Params params, const PageRequest& page,
                                                     Read&& read, PositionOf&& position_of = {}) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql, keyset_params(std::move(params), page)));
  return page_from(rows, page, std::forward<Read>(read), std::forward<PositionOf>(position_of));
}

// The position a list ordered by an integer `position` (1..n within its
// parent) continues after: 0 for the first page; 400 INVALID_CURSOR when the
// cursor is no integer.
inline Result<std::int64_t> position_after(const PageRequest& page) {
  if (page.after.empty()) return std::int64_t{0};
  std::int64_t n = 0;
  const char* end = page.after.data() + page.after.size();
  if (std::from_chars(page.after.data(), end, n).ptr != end) {
    return Error::bad_request("INVALID_CURSOR", "The cursor does not belong to this listing.");
  }
  return n;
}

// Runs `sql`, a statement ending "position > $k ORDER BY position LIMIT
// $k+1", with `params` then the position after and limit + 1, and returns
// page_from of its rows, continuing after the last item's position.
template <class Read>
Result<Page<keyset_detail::ItemOf<Read>>> query_position_page(Connection& c, std::string_view sql,
                                                              Params params,
                                                              const PageRequest& page,
                                                              Read&& read) {
  DL_ASSIGN_OR_RETURN(std::int64_t after, position_after(page));
  params.add(after);
  params.add(page.limit + 1);
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql, params));
  return page_from(rows, page, std::forward<Read>(read),
                   [](const auto& item) { return std::to_string(item.position); });
}

}  // namespace deltalabs
