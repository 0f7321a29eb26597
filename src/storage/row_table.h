#pragma once

// The repository shapes every domain wrote by hand, written once over a
// model's RowMapping: one row by id (404 named once), the first row of a
// statement, all its rows, a keyset page, and insert-then-read.
//
//   // commerce_sql.h
//   inline constexpr auto kCouponRow = row_mapping<Coupon>({DL_COLUMNS(Coupon, id, code)});
//   inline constexpr auto kSelectCoupon = select_where<kCouponRow>("coupons", "id = $1");
//   inline constexpr RowTable<kCouponRow> kCouponTable{"coupon", kSelectCoupon};
//   // coupon_repository.cc
//   return sql::kCouponTable.find(c, id);  // or 404 COUPON_NOT_FOUND
//
// A RowTable holds no state but two constant strings; it is usable from any
// thread.

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/page.h"
#include "core/result.h"
#include "core/uuid.h"
#include "storage/connection.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"

namespace deltalabs {

// The rows of one model in its table: Mapping reads them; `what` names the
// not-found error (Error::not_found(what), e.g. "coupon" → COUPON_NOT_FOUND)
// and `by_id` is the statement selecting one row by its id bound to $1.
template <const auto& Mapping>
class RowTable {
 public:
  using Model = typename std::decay_t<decltype(Mapping)>::Model;

  constexpr RowTable(const char* what, std::string_view by_id) : what_(what), by_id_(by_id) {}
  // A table whose rows are never read one by id: find and insert fail as
  // internal errors (a programming error, never a 404).
  explicit constexpr RowTable(const char* what) : what_(what) {}

  // The 404 this table's rows are missing with.
  Error not_found() const { return Error::not_found(what_); }

  // The row with this id; 404 <WHAT>_NOT_FOUND when there is none or `id` is
  // no UUID (ids are UUIDs, and PostgreSQL rejects other text for them).
  Result<Model> find(Connection& c, const std::string& id) const {
    if (by_id_.empty()) return Error::internal("no statement selects a " + std::string(what_));
    if (!is_uuid(id)) return not_found();
    return find_by(c, by_id_, {id});
  }

  // The first row of `sql`; 404 <WHAT>_NOT_FOUND when it has none.
  Result<Model> find_by(Connection& c, std::string_view sql, const Params& params) const {
    DL_ASSIGN_OR_RETURN(std::optional<Model> row, first(c, sql, params));
    if (!row) return not_found();
    return std::move(*row);
  }

  // The first row of `sql`, or nullopt when it has none.
  Result<std::optional<Model>> first(Connection& c, std::string_view sql,
                                     const Params& params) const {
    DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql, params));
    if (rows.empty()) return std::optional<Model>{};
    return std::optional<Model>{Mapping.read(rows[0])};
  }

  // Every row of `sql`, in its order.
  Result<std::vector<Model>> all(Connection& c, std::string_view sql, const Params& params) const {
    DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql, params));
    std::vector<Model> out;
    out.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(Mapping.read(rows[i]));
    return out;
  }

  // A page of `sql`, a statement ending in DL_KEYSET_* (query_page in
  // storage/keyset.h): `params` first, then the page's position and limit.
  Result<Page<Model>> page(Connection& c, std::string_view sql, Params params,
                           const PageRequest& page) const {
    return query_page(c, sql, std::move(params), page, Mapping.reader());
  }

  // A page of `sql` ordered by the rows' integer `position`, the cursor
  // (query_position_page in storage/keyset.h).
  Result<Page<Model>> position_page(Connection& c, std::string_view sql, Params params,
                                    const PageRequest& page) const {
    return query_position_page(c, sql, std::move(params), page, Mapping.reader());
  }

  // Runs `insert` (binding `params`) and reads back the row `id` it wrote.
  Result<Model> insert(Connection& c, std::string_view insert, const Params& params,
                       const std::string& id) const {
    DL_TRY(c.execute(insert, params));
    return find(c, id);
  }

 private:
  const char* what_;
  std::string_view by_id_;
};

}  // namespace deltalabs
