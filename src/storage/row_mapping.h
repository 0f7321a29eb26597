#pragma once

// A model's row, declared once: each column of a SELECT beside the struct
// field it fills. The mapping writes the statement's column list
// (column_list) and reads its rows into the struct (read), so a column is
// read by the name it was selected under and can never be read from the
// wrong position: the position of each name is fixed when the list is
// written, at compile time, and reading a row looks nothing up.
//
//   inline constexpr auto kOrderRow = row_mapping<Order>({
//       DL_COLUMNS(Order, id, number, paid_at),  // paid_at optional: NULL reads as nullopt
//   });
//   inline constexpr auto kSelectOrder = select_where<kOrderRow>("orders", "id = $1");
//   ...
//   Order o = sql::kOrderRow.read(rows[0]);
//
// Where a column is its field's name, DL_COLUMNS writes the pair from the
// name alone (DL_COLUMNS_OF(o, Order, id) selects `o.id`); any other select
// expression (`COALESCE(a, b)`, a joined `u.first_name`) is an explicit
// {"expression", &T::field} entry, mixable with them in one list. Fields may
// be std::string, std::int64_t, bool, double and std::optional of each.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

#include "core/for_each_macro.h"
#include "storage/row_reader.h"
#include "storage/row_set.h"
#include "storage/sql_text.h"

// Column entries whose select expression is the field's own name:
// DL_COLUMNS(Order, id, number) is {"id", &Order::id}, {"number", &Order::number}.
#define DL_COLUMNS(T, ...) DL_FOR_EACH(DL_COLUMN_NAMED_, T, __VA_ARGS__)
// The same with a table alias before each name: DL_COLUMNS_OF(o, Order, id)
// is {"o.id", &Order::id}.
#define DL_COLUMNS_OF(alias, T, ...) DL_FOR_EACH(DL_COLUMN_OF_, (alias, T), __VA_ARGS__)

#define DL_COLUMN_NAMED_(T, name) \
  { #name, &T::name }
#define DL_COLUMN_OF_(alias_and_type, name) \
  DL_COLUMN_OF_2_(DL_UNPARENTHESIZED_ alias_and_type, name)
#define DL_COLUMN_OF_2_(...) DL_COLUMN_OF_3_(__VA_ARGS__)
#define DL_COLUMN_OF_3_(alias, T, name) \
  { #alias "." #name, &T::name }

namespace deltalabs {

// One selected column and the field of T it fills.
template <class T>
class Column {
 public:
  using Field = std::variant<std::string T::*, std::optional<std::string> T::*, std::int64_t T::*,
                             std::optional<std::int64_t> T::*, bool T::*, std::optional<bool> T::*,
                             double T::*, std::optional<double> T::*>;

  template <class M>
  constexpr Column(std::string_view name, M T::*field) : name_(name), field_(field) {}

  // The select expression, as it appears in the column list.
  constexpr std::string_view name() const { return name_; }

  // Reads column i of `row` (a Row or a RowReader) into its field of `out`.
  template <class R>
  void read(const R& row, std::size_t i, T& out) const {
    std::visit([&](auto field) { assign(out.*field, row, i); }, field_);
  }

 private:
  template <class R>
  static void assign(std::string& to, const R& row, std::size_t i) {
    to = row.text(i);
  }
  template <class R>
  static void assign(std::optional<std::string>& to, const R& row, std::size_t i) {
    if (row.is_null(i)) {
      to.reset();
    } else if (to) {
      *to = row.text(i);
    } else {
      to.emplace(row.text(i));
    }
  }
  template <class R>
  static void assign(std::int64_t& to, const R& row, std::size_t i) {
    to = row.integer(i);
  }
  template <class R>
  static void assign(std::optional<std::int64_t>& to, const R& row, std::size_t i) {
    if (row.is_null(i)) {
      to.reset();
    } else {
      to = row.integer(i);
    }
  }
  template <class R>
  static void assign(bool& to, const R& row, std::size_t i) {
    to = boolean(row, i);
  }
  template <class R>
  static void assign(std::optional<bool>& to, const R& row, std::size_t i) {
    if (row.is_null(i)) {
      to.reset();
    } else {
      to = boolean(row, i);
    }
  }
  template <class R>
  static void assign(double& to, const R& row, std::size_t i) {
    to = real(row, i);
  }
  template <class R>
  static void assign(std::optional<double>& to, const R& row, std::size_t i) {
    if (row.is_null(i)) {
      to.reset();
    } else {
      to = real(row, i);
    }
  }

  // A RowReader has no boolean(): booleans come as integers 0 and 1 there.
  template <class R>
  static bool boolean(const R& row, std::size_t i) {
    if constexpr (requires { row.boolean(i); }) {
      return row.boolean(i);
    } else {
      return row.integer(i) != 0;
    }
  }
  // A RowReader has no real(): a mapping with a real field is read from a
  // fetched Row, never in place (a programming error, not a lossy guess).
  template <class R>
  static double real(const R& row, std::size_t i) {
    if constexpr (requires { row.real(i); }) {
      return row.real(i);
    } else {
      throw std::logic_error("a real column is read from a Row, not in place");
    }
  }

  std::string_view name_;
  Field field_;
};

// The columns of one model's row, in select order. Build it with row_mapping.
template <class T, std::size_t N>
class RowMapping {
 public:
  // The model a row is read into.
  using Model = T;

  explicit constexpr RowMapping(const std::array<Column<T>, N>& columns) : columns_(columns) {}

  static constexpr std::size_t size() { return N; }
  constexpr const std::array<Column<T>, N>& columns() const { return columns_; }

  // The characters of the column list ("a, b, c").
  constexpr std::size_t list_length() const {
    std::size_t n = N > 0 ? 2 * (N - 1) : 0;
    for (const auto& c : columns_) n += c.name().size();
    return n;
  }

  // Fills the fields of `out` from the row's columns `first`..`first` + N - 1,
  // which a statement selected with column_list<this mapping>() at `first`.
  template <class R>
  void read_into(const R& row, T& out, std::size_t first = 0) const {
    for (std::size_t i = 0; i < N; ++i) columns_[i].read(row, first + i, out);
  }

  // A T whose mapped fields are read from the row (others keep their defaults).
  template <class R>
  T read(const R& row, std::size_t first = 0) const {
    T out{};
    read_into(row, out, first);
    return out;
  }

  // A reader for query_page and friends: `[](const Row& r) { return read(r); }`.
  auto reader() const {
    return [this](const Row& row) { return read(row); };
  }

 private:
  std::array<Column<T>, N> columns_;
};

// The mapping of T's row from its columns in select order:
// row_mapping<Order>({{"id", &Order::id}, {"number", &Order::number}}).
template <class T, std::size_t N>
constexpr RowMapping<T, N> row_mapping(const Column<T> (&columns)[N]) {
  return RowMapping<T, N>(std::to_array(columns));
}

// The column list of `Mapping` ("a, b, c"), to compose into a statement.
template <const auto& Mapping>
constexpr auto column_list() {
  SqlText<Mapping.list_length() + 1> out;
  std::size_t at = 0;
  bool first = true;
  for (const auto& column : Mapping.columns()) {
    if (!first) {
      out.chars[at++] = ',';
      out.chars[at++] = ' ';
    }
    first = false;
    for (char ch : column.name()) out.chars[at++] = ch;
  }
  out.chars[at] = '\0';
  return out;
}

// "SELECT <columns of Mapping> FROM <from> ": the start of a statement that
// goes on with its own WHERE, JOIN or ORDER BY.
template <const auto& Mapping, std::size_t F>
constexpr auto select_from(const char (&from)[F]) {
  return sql_concat("SELECT ", column_list<Mapping>(), " FROM ", from, " ");
}

// "SELECT <columns of Mapping> FROM <from> WHERE <where>": a row by id
// (`select_where<kOrderRow>("orders", "id = $1")`) or, with a DL_KEYSET_*
// clause at the end of `where`, a page of rows.
template <const auto& Mapping, std::size_t F, std::size_t W>
constexpr auto select_where(const char (&from)[F], const char (&where)[W]) {
  return sql_concat(select_from<Mapping>(from), "WHERE ", where);
}

}  // namespace deltalabs
