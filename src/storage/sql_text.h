#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace deltalabs {

// SQL text composed at compile time (a statement whose column list a
// RowMapping writes): a NUL-terminated array of N - 1 characters, usable
// wherever a statement is, as `const char*` or `std::string_view`.
template <std::size_t N>
struct SqlText {
  char chars[N] = {};

  constexpr SqlText() = default;
  constexpr SqlText(const char (&text)[N]) {  // NOLINT(google-explicit-constructor)
    for (std::size_t i = 0; i < N; ++i) chars[i] = text[i];
  }

  // The length, without the terminating NUL.
  static constexpr std::size_t size() { return N - 1; }
  constexpr const char* c_str() const { return chars; }
  constexpr std::string_view view() const { return {chars, N - 1}; }
  constexpr operator const char*() const { return chars; }  // NOLINT(google-explicit-constructor)
  constexpr operator std::string_view() const {             // NOLINT(google-explicit-constructor)
    return view();
  }
};

namespace sql_text_detail {

template <class T>
struct Length;
template <std::size_t N>
struct Length<char[N]> {
  static constexpr std::size_t value = N - 1;
};
template <std::size_t N>
struct Length<SqlText<N>> {
  static constexpr std::size_t value = N - 1;
};

template <std::size_t N>
constexpr std::string_view view_of(const char (&text)[N]) {
  return {text, N - 1};
}
template <std::size_t N>
constexpr std::string_view view_of(const SqlText<N>& text) {
  return text.view();
}

}  // namespace sql_text_detail

// The SQL text of `parts` (string literals and SqlTexts) one after another.
template <class... Parts>
constexpr auto sql_concat(const Parts&... parts)
    -> SqlText<(sql_text_detail::Length<Parts>::value + ... + 1)> {
  SqlText<(sql_text_detail::Length<Parts>::value + ... + 1)> out;
  std::size_t at = 0;
  for (std::string_view part : {sql_text_detail::view_of(parts)...}) {
    for (char ch : part) out.chars[at++] = ch;
  }
  out.chars[at] = '\0';
  return out;
}

namespace sql_text_detail {

// The number of columns in a list "a, b, c".
template <std::size_t N>
constexpr std::size_t count_columns(const SqlText<N>& columns) {
  std::size_t n = 1;
  for (char ch : columns.view()) n += ch == ',' ? 1 : 0;
  return n;
}

// The characters of "$1, $2, ..., $n".
constexpr std::size_t placeholders_length(std::size_t n) {
  std::size_t length = n > 0 ? 2 * (n - 1) : 0;
  for (std::size_t i = 1; i <= n; ++i) {
    length += 1;
    for (std::size_t rest = i; rest > 0; rest /= 10) ++length;
  }
  return length;
}

// Writes the decimal digits of `i` at `at`.
template <std::size_t N>
constexpr void write_number(SqlText<N>& out, std::size_t& at, std::size_t i) {
  char digits[20] = {};
  std::size_t count = 0;
  for (; i > 0; i /= 10) digits[count++] = static_cast<char>('0' + i % 10);
  while (count > 0) out.chars[at++] = digits[--count];
}

}  // namespace sql_text_detail

// "INSERT INTO <Table> (<Columns>) VALUES ($1, ..., $n)", one placeholder per
// column in order: insert_into<"coupons", "id, code, percent_off">().
template <SqlText Table, SqlText Columns>
constexpr auto insert_into() {
  constexpr std::size_t n = sql_text_detail::count_columns(Columns);
  constexpr auto head = sql_concat("INSERT INTO ", Table, " (", Columns, ") VALUES (");
  SqlText<head.size() + sql_text_detail::placeholders_length(n) + 2> out;
  std::size_t at = 0;
  for (char ch : head.view()) out.chars[at++] = ch;
  for (std::size_t i = 1; i <= n; ++i) {
    if (i > 1) {
      out.chars[at++] = ',';
      out.chars[at++] = ' ';
    }
    out.chars[at++] = '$';
    sql_text_detail::write_number(out, at, i);
  }
  out.chars[at++] = ')';
  out.chars[at] = '\0';
  return out;
}

// `sql` with " LIMIT <rows>" appended: a row limit written into the text
// rather than bound, so that PostgreSQL keeps one generic plan per limit
// instead of planning a `LIMIT $n` at every execution (decision 0030). Only for
// limits the caller bounds (a page size), since each value is a statement of its own.
inline std::string with_row_limit(std::string_view sql, int rows) {
  std::string text(sql);
  text += " LIMIT ";
  text += std::to_string(rows);
  return text;
}

}  // namespace deltalabs
