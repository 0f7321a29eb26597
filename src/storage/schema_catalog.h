#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs {

// The sections of the data-model document, in order; a table's annotation names one.
inline constexpr std::array<std::string_view, 9> kSchemaDomains = {
    "Identity",   "Catalog",  "Learning", "Assessment",      "Content",
    "Engagement", "Commerce", "Labs",     "AI / operational"};
// Where a table without an annotation goes, and the note it gets.
inline constexpr std::string_view kUnannotatedDomain = "AI / operational";
inline constexpr std::string_view kUnannotatedNote = "(no annotation)";

// One column as the database declares it; `type` is normalised (see normalise_type).
struct ColumnInfo {
  std::string name;
  std::string type;      // uuid, text, integer, boolean, timestamptz, jsonb, ...
  bool nullable = true;  // false for NOT NULL and primary-key columns
  std::optional<std::string> default_value;  // normalised expression; nullopt without a default
  bool primary_key = false;                  // part of the primary key
};

// One foreign key; `on_delete` is CASCADE, SET NULL, RESTRICT, NO ACTION or SET DEFAULT.
struct ForeignKeyInfo {
  std::vector<std::string> columns;     // the referencing columns, in key order
  std::string table;                    // the referenced table
  std::vector<std::string> references;  // the referenced columns, paired with `columns`
  std::string on_delete = "NO ACTION";
};

// One unique constraint or unique index other than the primary key. Expression
// terms read as their SQL (`lower(email)`); `where` is a partial index's predicate.
struct UniqueRule {
  std::vector<std::string> columns;  // column names or expressions, in index order
  std::string where;                 // normalised predicate; "" for a rule on every row
};

// One table of the live schema with its annotation.
struct TableInfo {
  std::string name;
  std::string domain;  // one of kSchemaDomains
  std::string note;    // the annotation's one-line note
  // False when schema_annotations has no row for it; domain and note are then the defaults.
  bool annotated = false;
  std::vector<ColumnInfo> columns;           // in declaration order
  std::vector<std::string> primary_key;      // in key order
  std::vector<ForeignKeyInfo> foreign_keys;  // sorted by columns
  std::vector<UniqueRule> unique;            // sorted by columns, then predicate
  std::vector<std::string> checks;           // normalised expressions, sorted

  // The column named `name`, or nullptr.
  const ColumnInfo* column(std::string_view name) const;
  // True when `cols` (in any order) are the primary key or a unique rule without a predicate.
  bool is_unique_key(const std::vector<std::string>& cols) const;
};

// The application tables of a database (internal, migration and full-text
// tables left out), sorted by name, the same on SQLite and PostgreSQL.
struct SchemaCatalog {
  std::vector<TableInfo> tables;

  // The table named `name`, or nullptr.
  const TableInfo* table(std::string_view name) const;
};

// Reads the catalog of the database `conn` is connected to, with the rows of
// schema_annotations (when that table exists) as each table's domain and note.
Result<SchemaCatalog> read_schema_catalog(Connection& conn);

// Sorts tables and each table's constraints so that output built from the catalog is deterministic.
void sort_schema_catalog(SchemaCatalog& catalog);

}  // namespace deltalabs
