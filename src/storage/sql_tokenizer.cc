#include "storage/sql_tokenizer.h"

#include <cctype>

namespace deltalabs {

namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$';
}

// The end of a literal opened at text[i] by `quote` (doubled quotes escape).
std::size_t end_of_quoted(std::string_view text, std::size_t i, char quote) {
  for (std::size_t j = i + 1; j < text.size(); ++j) {
    if (text[j] != quote) continue;
    if (j + 1 < text.size() && text[j + 1] == quote) {
      ++j;
      continue;
    }
    return j + 1;
  }
  return text.size();
}

}  // namespace

bool SqlToken::is_word(std::string_view upper_word) const {
  return kind == Kind::kWord && ascii_upper(text) == upper_word;
}

std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<SqlToken> tokenize_sql(std::string_view text) {
  using Kind = SqlToken::Kind;
  std::vector<SqlToken> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    std::size_t end = i + 1;
    Kind kind = Kind::kPunct;
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      ++i;
      continue;
    }
    if (c == '-' && next == '-') {
      const std::size_t eol = text.find('\n', i);
      i = eol == std::string_view::npos ? text.size() : eol;
      continue;
    }
    if (c == '/' && next == '*') {
      const std::size_t close = text.find("*/", i + 2);
      i = close == std::string_view::npos ? text.size() : close + 2;
      continue;
    }
    if (c == '\'') {
      kind = Kind::kString;
      end = end_of_quoted(text, i, '\'');
    } else if (c == '"' || c == '`') {
      kind = Kind::kQuoted;
      end = end_of_quoted(text, i, c);
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      kind = Kind::kNumber;
      while (end < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[end])) != 0 || text[end] == '.')) {
        ++end;
      }
    } else if (is_word_char(c)) {
      kind = Kind::kWord;
      while (end < text.size() && is_word_char(text[end])) ++end;
    } else {
      for (std::string_view op : {"::", "<=", ">=", "<>", "!=", "||", "=="}) {
        if (text.substr(i, 2) == op) end = i + 2;
      }
    }
    tokens.push_back({kind, std::string(text.substr(i, end - i)), i, end});
    i = end;
  }
  return tokens;
}

std::size_t matching_bracket(const std::vector<SqlToken>& tokens, std::size_t open) {
  const std::string_view o = tokens[open].text;
  const std::string_view c = o == "(" ? ")" : "]";
  int depth = 0;
  for (std::size_t i = open; i < tokens.size(); ++i) {
    if (tokens[i].is(o)) ++depth;
    if (tokens[i].is(c) && --depth == 0) return i;
  }
  return tokens.size();
}

}  // namespace deltalabs
