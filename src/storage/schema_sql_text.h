#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deltalabs {

// Pure helpers over SQL text, used to read a schema catalog the same way on
// every backend: SQLite keeps CHECK and index expressions only as the text of
// the CREATE statement, PostgreSQL prints them back in its own canonical form.

// A CHECK (column IN ('a', 'b', ...)) rule: the allowed values of a status column.
struct EnumCheck {
  std::string column;
  std::vector<std::string> values;
};

// The parts of a CREATE [UNIQUE] INDEX statement a catalog needs.
struct IndexText {
  std::vector<std::string> terms;  // one per indexed column or expression, as written
  std::string where;               // the partial-index predicate, or "" when absent
};

// A declared column type in the vocabulary both backends share: uuid, text,
// integer, boolean, timestamptz, timestamp, date, jsonb, json, real, double,
// numeric, bytea; anything else is returned lower-cased.
std::string normalise_type(std::string_view declared);

// An expression (a CHECK, an index term or predicate, a default) in one
// canonical spelling: `::type` casts removed, parentheses the operators do not
// need dropped, whitespace collapsed, `x = ANY (ARRAY[...])` written as
// `x IN (...)`, keywords upper-case and identifiers lower-case (literals kept).
std::string normalise_expression(std::string_view expression);

// The expressions of every CHECK (...) in a CREATE TABLE statement, in order.
std::vector<std::string> extract_checks(std::string_view create_table_sql);

// The indexed terms and WHERE clause of a CREATE INDEX statement; nullopt when
// the text has no parenthesised column list.
std::optional<IndexText> parse_create_index(std::string_view create_index_sql);

// The column and values of a normalised `column IN ('a', 'b')` check, or nullopt.
std::optional<EnumCheck> parse_enum_check(std::string_view expression);

// `text` as a double-quoted SQL identifier.
std::string quote_identifier(std::string_view text);

}  // namespace deltalabs
