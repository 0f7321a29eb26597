#pragma once

#include <cstddef>
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

}  // namespace deltalabs
