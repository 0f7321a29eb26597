#include "storage/schema_sql_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>

namespace deltalabs {

namespace {

// Words printed upper-case in a normalised expression; every other unquoted
// word (identifiers, function names) is case-insensitive SQL and printed lower-case.
constexpr std::array<std::string_view, 31> kKeywords = {
    "AND",  "OR",    "NOT",  "IS",     "IN",   "LIKE",    "GLOB",   "ILIKE",
    "BETWEEN", "ANY", "ALL", "ARRAY",  "CASE", "WHEN",    "THEN",   "ELSE",
    "END",  "NULL",  "TRUE", "FALSE",  "CAST", "AS",      "COLLATE", "ASC",
    "DESC", "WHERE", "ON",   "EXISTS", "DISTINCT", "CURRENT_TIMESTAMP", "CURRENT_DATE"};

enum class Kind { kWord, kString, kQuoted, kNumber, kPunct };

struct Token {
  Kind kind;
  std::string text;
  std::size_t begin = 0;  // offsets into the scanned text
  std::size_t end = 0;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool is_keyword(std::string_view word) {
  const std::string u = upper(word);
  return std::find(kKeywords.begin(), kKeywords.end(), u) != kKeywords.end();
}

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

// Splits SQL text into tokens, dropping whitespace and comments.
std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
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
      while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) != 0 || text[end] == '.')) {
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

bool is(const Token& t, std::string_view punct) { return t.kind == Kind::kPunct && t.text == punct; }

bool is_word(const Token& t, std::string_view word) { return t.kind == Kind::kWord && upper(t.text) == word; }

// The index of the token closing the bracket opened at tokens[open], or tokens.size().
std::size_t matching(const std::vector<Token>& tokens, std::size_t open) {
  const std::string_view o = tokens[open].text;
  const std::string_view c = o == "(" ? ")" : "]";
  int depth = 0;
  for (std::size_t i = open; i < tokens.size(); ++i) {
    if (is(tokens[i], o)) ++depth;
    if (is(tokens[i], c) && --depth == 0) return i;
  }
  return tokens.size();
}

// Drops `::type` casts, including multi-word types, type modifiers and [] suffixes.
std::vector<Token> strip_casts(const std::vector<Token>& in) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (!is(in[i], "::")) {
      out.push_back(in[i]);
      continue;
    }
    std::size_t j = i + 1;
    while (j < in.size() && (in[j].kind == Kind::kWord || in[j].kind == Kind::kQuoted)) {
      const std::string w = lower(in[j].text);
      ++j;
      if (j < in.size() && is(in[j], ".")) {
        ++j;  // schema-qualified type
        continue;
      }
      const bool multi = w == "character" || w == "double" || w == "timestamp" || w == "time" || w == "bit" ||
                         w == "with" || w == "without" || w == "varying" || w == "precision";
      if (!multi || j >= in.size() || in[j].kind != Kind::kWord) break;
      const std::string n = lower(in[j].text);
      if (n != "varying" && n != "precision" && n != "with" && n != "without" && n != "time" && n != "zone") break;
    }
    if (j < in.size() && is(in[j], "(")) j = matching(in, j) + 1;
    while (j + 1 < in.size() && is(in[j], "[") && is(in[j + 1], "]")) j += 2;
    i = j - 1;
  }
  return out;
}

// Removes parentheses around a lone operand, e.g. `(status)` or `(ARRAY[...])`
// left behind by casts, unless they are a call's or an IN list's.
std::vector<Token> drop_lone_parens(std::vector<Token> t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!is(t[i], "(") || (i > 0 && (t[i - 1].kind == Kind::kWord || is(t[i - 1], "]")))) continue;
    const std::size_t close = matching(t, i);
    if (close >= t.size()) continue;
    bool lone = close == i + 2 && t[i + 1].kind != Kind::kPunct;
    if (!lone && close > i + 2 && is_word(t[i + 1], "ARRAY") && is(t[i + 2], "[")) {
      lone = matching(t, i + 2) == close - 1;
    }
    if (!lone) continue;
    t.erase(t.begin() + static_cast<std::ptrdiff_t>(close));
    t.erase(t.begin() + static_cast<std::ptrdiff_t>(i));
    i = i == 0 ? static_cast<std::size_t>(-1) : i - 2;  // look again at the enclosing bracket
  }
  return t;
}

// Rewrites `= ANY (ARRAY[a, b])` (PostgreSQL's spelling of IN) as `IN (a, b)`.
std::vector<Token> rewrite_any_array(const std::vector<Token>& t) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i + 4 < t.size() && is(t[i], "=") && is_word(t[i + 1], "ANY") && is(t[i + 2], "(") &&
        is_word(t[i + 3], "ARRAY") && is(t[i + 4], "[")) {
      const std::size_t close = matching(t, i + 4);
      if (close + 1 < t.size() && is(t[close + 1], ")")) {
        out.push_back({Kind::kWord, "IN"});
        out.push_back({Kind::kPunct, "("});
        out.insert(out.end(), t.begin() + static_cast<std::ptrdiff_t>(i + 5),
                   t.begin() + static_cast<std::ptrdiff_t>(close));
        out.push_back({Kind::kPunct, ")"});
        i = close + 1;
        continue;
      }
    }
    out.push_back(t[i]);
  }
  return out;
}

// Drops parentheses that enclose the whole expression.
void strip_outer_parens(std::vector<Token>& t) {
  while (t.size() >= 2 && is(t.front(), "(") && matching(t, 0) == t.size() - 1) {
    t.pop_back();
    t.erase(t.begin());
  }
}

// Writes tokens back as text with one canonical spacing and letter case.
std::string emit(const std::vector<Token>& tokens) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    std::string text = t.text;
    if (t.kind == Kind::kWord) text = is_keyword(text) ? upper(text) : lower(text);
    if (t.kind == Kind::kQuoted && text.size() > 2) {
      const std::string inner = text.substr(1, text.size() - 2);
      const bool plain = std::all_of(inner.begin(), inner.end(),
                                     [](char c) { return std::islower(static_cast<unsigned char>(c)) || c == '_' ||
                                                         std::isdigit(static_cast<unsigned char>(c)); }) &&
                         std::isdigit(static_cast<unsigned char>(inner[0])) == 0 && !is_keyword(inner);
      if (plain) text = inner;
    }
    if (i > 0) {
      const Token& p = tokens[i - 1];
      const bool glue_left = is(p, "(") || is(p, "[") || is(p, ".");
      const bool glue_right = is(t, ")") || is(t, "]") || is(t, ",") || is(t, ".") || is(t, "[") ||
                              (is(t, "(") && ((p.kind == Kind::kWord && !is_keyword(p.text)) || p.kind == Kind::kQuoted));
      if (!glue_left && !glue_right) out += ' ';
    }
    out += text;
  }
  return out;
}

std::string unquote_string(std::string_view literal) {
  std::string out;
  for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
    out += literal[i];
    if (literal[i] == '\'' && literal[i + 1] == '\'') ++i;
  }
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return std::string(s);
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

std::string normalise_type(std::string_view declared) {
  std::string t;
  for (char c : lower(trim(declared))) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!t.empty() && t.back() != ' ') t += ' ';
    } else {
      t += c;
    }
  }
  if (t.size() > 2 && t.compare(t.size() - 2, 2, "[]") == 0) return normalise_type(t.substr(0, t.size() - 2)) + "[]";
  if (t.empty()) return "any";
  if (starts_with(t, "timestamptz") || (starts_with(t, "timestamp") && t.find("with time zone") != std::string::npos &&
                                        t.find("without") == std::string::npos)) {
    return "timestamptz";
  }
  if (starts_with(t, "timestamp") || t == "datetime") return "timestamp";
  if (t == "uuid") return "uuid";
  if (t == "text" || starts_with(t, "varchar") || starts_with(t, "character") || starts_with(t, "char") ||
      starts_with(t, "nvarchar") || t == "citext" || t == "clob" || t == "string") {
    return "text";
  }
  for (std::string_view i : {"integer", "int", "int2", "int4", "int8", "smallint", "bigint", "tinyint", "mediumint",
                             "serial", "bigserial", "smallserial", "unsigned big int"}) {
    if (t == i) return "integer";
  }
  if (t == "boolean" || t == "bool") return "boolean";
  if (t == "date") return "date";
  if (t == "jsonb" || t == "json") return t;
  if (t == "real" || t == "float4") return "real";
  if (t == "double" || t == "double precision" || t == "float8" || t == "float") return "double";
  if (starts_with(t, "numeric") || starts_with(t, "decimal")) return "numeric";
  if (t == "bytea" || t == "blob") return "bytea";
  return t;
}

std::string normalise_expression(std::string_view expression) {
  std::vector<Token> t = strip_casts(tokenize(expression));
  t = rewrite_any_array(drop_lone_parens(std::move(t)));
  strip_outer_parens(t);
  return emit(t);
}

std::vector<std::string> extract_checks(std::string_view create_table_sql) {
  const std::vector<Token> t = tokenize(create_table_sql);
  std::vector<std::string> checks;
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if (!is_word(t[i], "CHECK") || !is(t[i + 1], "(")) continue;
    const std::size_t close = matching(t, i + 1);
    if (close >= t.size()) break;
    checks.push_back(normalise_expression(create_table_sql.substr(t[i + 1].end, t[close].begin - t[i + 1].end)));
    i = close;
  }
  return checks;
}

std::optional<IndexText> parse_create_index(std::string_view sql) {
  const std::vector<Token> t = tokenize(sql);
  const auto open = std::find_if(t.begin(), t.end(), [](const Token& x) { return is(x, "("); });
  if (open == t.end()) return std::nullopt;
  const std::size_t first = static_cast<std::size_t>(open - t.begin());
  const std::size_t close = matching(t, first);
  if (close >= t.size()) return std::nullopt;
  IndexText out;
  std::size_t start = first + 1;
  int depth = 0;
  for (std::size_t i = first + 1; i <= close; ++i) {
    if (is(t[i], "(")) ++depth;
    if (is(t[i], ")") && i != close) --depth;
    if (!(i == close || (depth == 0 && is(t[i], ",")))) continue;
    std::size_t end = i;  // drop a trailing ASC/DESC and COLLATE name
    if (end > start && (is_word(t[end - 1], "ASC") || is_word(t[end - 1], "DESC"))) --end;
    if (end > start + 1 && is_word(t[end - 2], "COLLATE")) end -= 2;
    if (end > start) out.terms.push_back(normalise_expression(sql.substr(t[start].begin, t[end - 1].end - t[start].begin)));
    start = i + 1;
  }
  if (close + 1 < t.size() && is_word(t[close + 1], "WHERE") && close + 2 < t.size()) {
    out.where = normalise_expression(sql.substr(t[close + 2].begin));
  }
  return out;
}

std::optional<EnumCheck> parse_enum_check(std::string_view expression) {
  const std::vector<Token> t = tokenize(expression);
  if (t.size() < 5 || (t[0].kind != Kind::kWord && t[0].kind != Kind::kQuoted) || !is_word(t[1], "IN") ||
      !is(t[2], "(") || !is(t.back(), ")")) {
    return std::nullopt;
  }
  EnumCheck out;
  out.column = t[0].kind == Kind::kQuoted ? t[0].text.substr(1, t[0].text.size() - 2) : lower(t[0].text);
  for (std::size_t i = 3; i + 1 < t.size(); i += 2) {
    if (t[i].kind != Kind::kString) return std::nullopt;
    out.values.push_back(unquote_string(t[i].text));
    if (!is(t[i + 1], i + 2 == t.size() ? ")" : ",")) return std::nullopt;
  }
  return out;
}

std::string quote_identifier(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

}  // namespace deltalabs
