#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace deltalabs {

// One lexical token of SQL text: a word (keyword or identifier), a 'string',
// a "quoted identifier", a number, or punctuation (`::`, `<=`, `||` count as one).
struct SqlToken {
  enum class Kind { kWord, kString, kQuoted, kNumber, kPunct };

  Kind kind = Kind::kPunct;
  std::string text;
  std::size_t begin = 0;  // offsets of the token in the scanned text
  std::size_t end = 0;

  // True for the punctuation `punct`.
  bool is(std::string_view punct) const { return kind == Kind::kPunct && text == punct; }
  // True for the word `upper_word`, compared case-insensitively (pass it upper-case).
  bool is_word(std::string_view upper_word) const;
};

// Splits SQL text into tokens, dropping whitespace and -- and /* */ comments.
std::vector<SqlToken> tokenize_sql(std::string_view text);

// The index of the token closing the ( or [ at tokens[open], or tokens.size() when unbalanced.
std::size_t matching_bracket(const std::vector<SqlToken>& tokens, std::size_t open);

// ASCII upper-case copy.
std::string ascii_upper(std::string_view text);
// ASCII lower-case copy.
std::string ascii_lower(std::string_view text);

}  // namespace deltalabs
