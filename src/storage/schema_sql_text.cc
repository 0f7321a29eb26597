#include "storage/schema_sql_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <set>

#include "storage/sql_tokenizer.h"

namespace deltalabs {

namespace {

using Token = SqlToken;
using Kind = SqlToken::Kind;

// Words printed upper-case in a normalised expression; every other unquoted
// word (identifiers, function names) is case-insensitive SQL and printed lower-case.
constexpr std::array<std::string_view, 32> kKeywords = {
    "AND",          "OR",    "NOT",     "IS",     "IN",       "LIKE",
    "GLOB",         "ILIKE", "BETWEEN", "ANY",    "ALL",      "ARRAY",
    "CASE",         "WHEN",  "THEN",    "ELSE",   "END",      "NULL",
    "TRUE",         "FALSE", "CAST",    "AS",     "COLLATE",  "ASC",
    "DESC",         "WHERE", "ON",      "EXISTS", "DISTINCT", "CURRENT_TIMESTAMP",
    "CURRENT_DATE", "ESCAPE"};

bool is_keyword(std::string_view word) {
  return std::find(kKeywords.begin(), kKeywords.end(), ascii_upper(word)) != kKeywords.end();
}

bool is(const Token& t, std::string_view punct) { return t.is(punct); }
bool is_word(const Token& t, std::string_view word) { return t.is_word(word); }
std::size_t matching(const std::vector<Token>& t, std::size_t open) {
  return matching_bracket(t, open);
}
std::string lower(std::string_view s) { return ascii_lower(s); }

bool is_numeric_type(const std::string& word) {
  for (std::string_view n : {"integer", "int", "int2", "int4", "int8", "smallint", "bigint",
                             "numeric", "decimal", "real", "double", "float4", "float8"}) {
    if (word == n) return true;
  }
  return false;
}

// Drops `::type` casts, including multi-word types, type modifiers and [] suffixes;
// PostgreSQL's '-1'::integer becomes the number -1 again.
std::vector<Token> strip_casts(const std::vector<Token>& in) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (!is(in[i], "::")) {
      out.push_back(in[i]);
      continue;
    }
    if (!out.empty() && out.back().kind == Kind::kString && i + 1 < in.size() &&
        is_numeric_type(lower(in[i + 1].text))) {
      std::string number = out.back().text.substr(1, out.back().text.size() - 2);
      const bool numeric =
          !number.empty() && number.find_first_not_of("-.0123456789") == std::string::npos;
      if (numeric) {
        out.pop_back();
        if (number[0] == '-') out.push_back({Kind::kPunct, "-"});
        out.push_back({Kind::kNumber, number[0] == '-' ? number.substr(1) : number});
      }
    }
    std::size_t j = i + 1;
    while (j < in.size() && (in[j].kind == Kind::kWord || in[j].kind == Kind::kQuoted)) {
      const std::string w = lower(in[j].text);
      ++j;
      if (j < in.size() && is(in[j], ".")) {
        ++j;  // schema-qualified type
        continue;
      }
      const bool multi = w == "character" || w == "double" || w == "timestamp" || w == "time" ||
                         w == "bit" || w == "with" || w == "without" || w == "varying" ||
                         w == "precision";
      if (!multi || j >= in.size() || in[j].kind != Kind::kWord) break;
      const std::string n = lower(in[j].text);
      if (n != "varying" && n != "precision" && n != "with" && n != "without" && n != "time" &&
          n != "zone") {
        break;
      }
    }
    if (j < in.size() && is(in[j], "(")) j = matching(in, j) + 1;
    while (j + 1 < in.size() && is(in[j], "[") && is(in[j + 1], "]")) j += 2;
    i = j - 1;
  }
  return out;
}

// How loosely the operators at the top level of a parenthesised group bind.
enum class Level { kAtom, kArith, kCompare, kAnd, kOr, kOpaque };

Level op_level(const Token& t) {
  if (t.kind == Kind::kPunct) {
    for (std::string_view op : {"||", "+", "-", "*", "/", "%"}) {
      if (t.text == op) return Level::kArith;
    }
    for (std::string_view op : {"=", "==", "<>", "!=", "<", ">", "<=", ">=", "~"}) {
      if (t.text == op) return Level::kCompare;
    }
    return t.text == "," || t.text == ";" ? Level::kOpaque : Level::kAtom;
  }
  if (t.kind != Kind::kWord) return Level::kAtom;
  const std::string w = ascii_upper(t.text);
  if (w == "AND") return Level::kAnd;
  if (w == "OR") return Level::kOr;
  for (std::string_view c : {"IS", "IN", "LIKE", "GLOB", "ILIKE", "NOT"}) {
    if (w == c) return Level::kCompare;
  }
  for (std::string_view o : {"BETWEEN", "CASE", "WHEN", "CAST", "EXISTS", "ESCAPE", "COLLATE"}) {
    if (w == o) return Level::kOpaque;
  }
  return Level::kAtom;
}

// Whether the parentheses t[open] .. t[close] can go without changing the
// meaning: the operators inside bind tighter than those beside them (or are the
// same left-associative one, as PostgreSQL prints `((a || b) || c)`).
bool redundant_parens(const std::vector<Token>& t, std::size_t open, std::size_t close) {
  Level level = Level::kAtom;
  std::set<std::string> arith;
  for (std::size_t i = open + 1; i < close; ++i) {
    if (is(t[i], "(") || is(t[i], "[")) {
      i = matching(t, i);
      continue;
    }
    const Level l = op_level(t[i]);
    if (l == Level::kArith) arith.insert(t[i].text);
    level = std::max(level, l);
  }
  if (level == Level::kOpaque) return false;
  const Token* p = open > 0 ? &t[open - 1] : nullptr;
  const Token* n = close + 1 < t.size() ? &t[close + 1] : nullptr;
  const Level pl = p == nullptr ? Level::kOpaque : op_level(*p);
  const Level nl = n == nullptr ? Level::kOpaque : op_level(*n);
  const bool p_edge = p == nullptr || is(*p, "(") || is(*p, ",");
  const bool n_edge = n == nullptr || is(*n, ")") || is(*n, ",");
  if (p != nullptr && !p_edge && (p->kind == Kind::kWord || is(*p, "]")) && pl != Level::kAnd &&
      pl != Level::kOr && !(level == Level::kAtom && is_word(*p, "NOT"))) {
    return false;  // a call's arguments, an IN list, ANY (...)
  }
  switch (level) {
    case Level::kAtom:
      return true;
    case Level::kArith: {
      const bool p_ok = p_edge || pl == Level::kAnd || pl == Level::kOr ||
                        (pl == Level::kCompare && p->kind == Kind::kPunct);
      const bool n_loose = n_edge || nl == Level::kAnd || nl == Level::kOr ||
                           (nl == Level::kCompare && n->kind == Kind::kPunct);
      if (!p_ok) return false;
      if (n_loose) return true;
      if (nl != Level::kArith) return false;
      auto only = [&](std::initializer_list<std::string_view> ops) {
        return std::all_of(arith.begin(), arith.end(), [&](const std::string& op) {
          return std::find(ops.begin(), ops.end(), op) != ops.end();
        });
      };
      if (n->text == "||") return only({"||"});
      if (n->text == "+" || n->text == "-") return only({"+", "-", "*", "/", "%"});
      return only({"*", "/", "%"});
    }
    case Level::kCompare:
    case Level::kAnd:
      return (p_edge || pl == Level::kAnd || pl == Level::kOr) &&
             (n_edge || nl == Level::kAnd || nl == Level::kOr);
    case Level::kOr:
      return (p_edge || pl == Level::kOr) && (n_edge || nl == Level::kOr);
    case Level::kOpaque:
      break;
  }
  return false;
}

// Removes every pair of redundant parentheses, innermost first.
std::vector<Token> unwrap_parens(std::vector<Token> t) {
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = t.size(); i-- > 0;) {
      if (!is(t[i], "(")) continue;
      const std::size_t close = matching(t, i);
      if (close >= t.size() || close == i + 1 || !redundant_parens(t, i, close)) continue;
      t.erase(t.begin() + static_cast<std::ptrdiff_t>(close));
      t.erase(t.begin() + static_cast<std::ptrdiff_t>(i));
      changed = true;
    }
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
    if (t.kind == Kind::kWord) text = is_keyword(text) ? ascii_upper(text) : lower(text);
    if (t.kind == Kind::kQuoted && text.size() > 2) {
      const std::string inner = text.substr(1, text.size() - 2);
      const bool plain =
          std::all_of(inner.begin(), inner.end(),
                      [](char c) {
                        return std::islower(static_cast<unsigned char>(c)) || c == '_' ||
                               std::isdigit(static_cast<unsigned char>(c));
                      }) &&
          std::isdigit(static_cast<unsigned char>(inner[0])) == 0 && !is_keyword(inner);
      if (plain) text = inner;
    }
    if (i > 0) {
      const Token& p = tokens[i - 1];
      const bool unary = (is(p, "-") || is(p, "+")) &&
                         (i == 1 ||
                          (tokens[i - 2].kind == Kind::kPunct && !is(tokens[i - 2], ")") &&
                           !is(tokens[i - 2], "]")) ||
                          (tokens[i - 2].kind == Kind::kWord && is_keyword(tokens[i - 2].text)));
      const bool glue_left = is(p, "(") || is(p, "[") || is(p, ".") || unary;
      const bool glue_right = is(t, ")") || is(t, "]") || is(t, ",") || is(t, ".") || is(t, "[") ||
                              (is(t, "(") && ((p.kind == Kind::kWord && !is_keyword(p.text)) ||
                                              p.kind == Kind::kQuoted));
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

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

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
  if (t.size() > 2 && t.compare(t.size() - 2, 2, "[]") == 0) {
    return normalise_type(t.substr(0, t.size() - 2)) + "[]";
  }
  if (t.empty()) return "any";
  if (starts_with(t, "timestamptz") ||
      (starts_with(t, "timestamp") && t.find("with time zone") != std::string::npos &&
       t.find("without") == std::string::npos)) {
    return "timestamptz";
  }
  if (starts_with(t, "timestamp") || t == "datetime") return "timestamp";
  if (t == "uuid") return "uuid";
  if (t == "text" || starts_with(t, "varchar") || starts_with(t, "character") ||
      starts_with(t, "char") || starts_with(t, "nvarchar") || t == "citext" || t == "clob" ||
      t == "string") {
    return "text";
  }
  for (std::string_view i :
       {"integer", "int", "int2", "int4", "int8", "smallint", "bigint", "tinyint", "mediumint",
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
  std::vector<Token> t = unwrap_parens(strip_casts(tokenize_sql(expression)));
  t = unwrap_parens(rewrite_any_array(t));
  strip_outer_parens(t);
  return emit(t);
}

std::vector<std::string> extract_checks(std::string_view create_table_sql) {
  const std::vector<Token> t = tokenize_sql(create_table_sql);
  std::vector<std::string> checks;
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if (!is_word(t[i], "CHECK") || !is(t[i + 1], "(")) continue;
    const std::size_t close = matching(t, i + 1);
    if (close >= t.size()) break;
    checks.push_back(
        normalise_expression(create_table_sql.substr(t[i + 1].end, t[close].begin - t[i + 1].end)));
    i = close;
  }
  return checks;
}

std::optional<IndexText> parse_create_index(std::string_view sql) {
  const std::vector<Token> t = tokenize_sql(sql);
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
    if (end > start) {
      out.terms.push_back(
          normalise_expression(sql.substr(t[start].begin, t[end - 1].end - t[start].begin)));
    }
    start = i + 1;
  }
  if (close + 1 < t.size() && is_word(t[close + 1], "WHERE") && close + 2 < t.size()) {
    out.where = normalise_expression(sql.substr(t[close + 2].begin));
  }
  return out;
}

std::optional<EnumCheck> parse_enum_check(std::string_view expression) {
  const std::vector<Token> t = tokenize_sql(expression);
  if (t.size() < 5 || (t[0].kind != Kind::kWord && t[0].kind != Kind::kQuoted) ||
      !is_word(t[1], "IN") || !is(t[2], "(") || !is(t.back(), ")")) {
    return std::nullopt;
  }
  EnumCheck out;
  out.column =
      t[0].kind == Kind::kQuoted ? t[0].text.substr(1, t[0].text.size() - 2) : lower(t[0].text);
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
