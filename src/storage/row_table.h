#pragma once

// A model's table, declared once: its RowMapping, what it is selected FROM
// and its key. The table writes the statements every domain wrote by hand
// (select by key, "<select> WHERE <filter>") and runs the repository shapes
// over them: one row by id (404 named once), the first row of a statement,
// all its rows, a keyset or position page, and insert-then-read.
//
//   // commerce_sql.h
//   inline constexpr auto kCouponRow = row_mapping<Coupon>({DL_COLUMNS(Coupon, id, code)});
//   inline constexpr RowTable<kCouponRow, "coupons"> kCouponTable{"coupon"};
//   inline constexpr auto kListCoupons = kCouponTable.where(DL_KEYSET_DESC(id, 1, 2));
//   // coupon_repository.cc
//   return sql::kCouponTable.find(c, id);  // or 404 COUPON_NOT_FOUND
//
// A RowTable holds nothing but constant text; it is usable from any thread.

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
#include "storage/sql_text.h"

namespace deltalabs {

// The rows of one model: Mapping reads them from `From` (a table, an alias,
// joins), `Key` names the column a row is found by, and `what` names the
// not-found error (Error::not_found(what), e.g. "coupon" → COUPON_NOT_FOUND).
template <const auto& Mapping, SqlText From, SqlText Key = "id">
class RowTable {
 public:
  using Model = typename std::decay_t<decltype(Mapping)>::Model;

  // "SELECT <columns of Mapping> FROM <From> ": what every statement of these rows starts with.
  static constexpr auto kSelect =
      sql_concat("SELECT ", column_list<Mapping>(), " FROM ", From, " ");
  // The row whose key is $1.
  static constexpr auto kSelectById = sql_concat(kSelect, "WHERE ", Key, " = $1");

  // kSelect "WHERE <filter>": a statement of these rows, e.g. a page with
  // DL_KEYSET_* at the end of `filter`.
  template <std::size_t N>
  static constexpr auto where(const char (&filter)[N]) {
    return sql_concat(kSelect, "WHERE ", filter);
  }

  explicit constexpr RowTable(const char* what) : what_(what) {}

  // The 404 this table's rows are missing with.
  Error not_found() const { return Error::not_found(what_); }

  // The row with this id; 404 <WHAT>_NOT_FOUND when there is none or `id` is
  // no UUID (ids are UUIDs, and PostgreSQL rejects other text for them).
  Result<Model> find(Connection& c, const std::string& id) const {
    if (!is_uuid(id)) return not_found();
    return find_by(c, kSelectById, {id});
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
};

}  // namespace deltalabs
