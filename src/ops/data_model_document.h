#pragma once

#include <boost/json/fwd.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "storage/schema_catalog.h"

namespace deltalabs::ops {

// The data-model document (docs/data-model.md, GET /v1/schema) rendered from a
// SchemaCatalog: no database access, and the same catalog always gives the same
// bytes, so a committed copy can be compared with a fresh one.
class DataModelDocument {
 public:
  // The output formats.
  enum class Format { kMarkdown, kMermaid, kJson };

  // "markdown", "mermaid" or "json"; nullopt for anything else.
  static std::optional<Format> parse_format(std::string_view name);
  // The media type a format is served as.
  static const char* content_type(Format format);

  // Renders `catalog` (sorted with sort_schema_catalog first).
  explicit DataModelDocument(SchemaCatalog catalog);

  // The document in one format; markdown and mermaid end with a newline, json does not.
  std::string render(Format format) const;
  // The founding page's structure: a section per domain, cross-domain relations, an ER diagram.
  std::string markdown() const;
  // Only the Mermaid erDiagram.
  std::string mermaid() const;
  // {tables: [...], relations: [...]}.
  boost::json::value json() const;

 private:
  SchemaCatalog catalog_;
};

// How a foreign key's table relates to the table it references: "one-to-one"
// when the key's columns are unique in the child, otherwise "many-to-one".
std::string foreign_key_cardinality(const TableInfo& table, const ForeignKeyInfo& fk);

// The two foreign keys (indexes into table.foreign_keys, in key order) that
// together make up the primary key or a full unique rule of a junction table.
std::optional<std::pair<std::size_t, std::size_t>> junction_keys(const TableInfo& table);

}  // namespace deltalabs::ops
