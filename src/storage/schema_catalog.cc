#include "storage/schema_catalog.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "storage/schema_sql_text.h"

namespace deltalabs {

namespace {

// SQLite: the catalog is sqlite_master plus the pragma table-valued functions.
constexpr const char* kSqliteTables = "SELECT name, sql FROM sqlite_master WHERE type = 'table'";
constexpr const char* kSqliteColumns =
    "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($1) ORDER BY cid";
constexpr const char* kSqliteForeignKeys =
    "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list($1) ORDER BY "
    "id, seq";
constexpr const char* kSqliteUniqueIndexes =
    "SELECT name, partial FROM pragma_index_list($1) WHERE \"unique\" = 1 AND origin <> 'pk'";
constexpr const char* kSqliteIndexColumns =
    "SELECT cid, name FROM pragma_index_info($1) ORDER BY seqno";
constexpr const char* kSqliteIndexSql =
    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = $1";

// PostgreSQL: pg_catalog, schema public, ordinary and partitioned tables.
constexpr const char* kPgTables =
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition";
constexpr const char* kPgColumns =
    "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
    " pg_get_expr(d.adbin, d.adrelid, true)"
    " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
    " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT "
    "a.attisdropped"
    " ORDER BY c.relname, a.attnum";
constexpr const char* kPgPrimaryKeys =
    "SELECT c.relname, a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
    " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
    " WHERE i.indisprimary AND n.nspname = 'public' ORDER BY c.relname, k.ord";
constexpr const char* kPgForeignKeys =
    "SELECT cl.relname, co.conname, pr.relname, co.confdeltype, a.attname, af.attname"
    " FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid"
    " JOIN pg_namespace n ON n.oid = cl.relnamespace JOIN pg_class pr ON pr.oid = co.confrelid"
    " CROSS JOIN LATERAL unnest(co.conkey, co.confkey) WITH ORDINALITY AS k(attnum, fattnum, ord)"
    " JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum"
    " JOIN pg_attribute af ON af.attrelid = co.confrelid AND af.attnum = k.fattnum"
    " WHERE co.contype = 'f' AND n.nspname = 'public' ORDER BY cl.relname, co.conname, k.ord";
constexpr const char* kPgUnique =
    "SELECT c.relname, ic.relname, pg_get_expr(i.indpred, i.indrelid, true),"
    " pg_get_indexdef(i.indexrelid, k.ord, true)"
    " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = "
    "i.indexrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " CROSS JOIN LATERAL generate_series(1, i.indnkeyatts::int) AS k(ord)"
    " WHERE i.indisunique AND NOT i.indisprimary AND n.nspname = 'public'"
    " ORDER BY c.relname, ic.relname, k.ord";
constexpr const char* kPgChecks =
    "SELECT c.relname, pg_get_constraintdef(co.oid, true) FROM pg_constraint co"
    " JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE co.contype = 'c' AND n.nspname = 'public'";

// Annotations, on both backends.
constexpr const char* kSqliteHasAnnotations =
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_annotations'";
constexpr const char* kPgHasAnnotations =
    "SELECT to_regclass('public.schema_annotations') IS NOT NULL";
constexpr const char* kAnnotations = "SELECT table_name, domain, note FROM schema_annotations";

// Tables that belong to the machinery, not to the data model.
bool is_internal(std::string_view name) {
  return name.rfind("sqlite_", 0) == 0 || name == "schema_migrations" ||
         name == "schema_annotations";
}

// The shadow tables SQLite keeps for a virtual table (FTS3/4/5, R*Tree).
constexpr std::array<std::string_view, 11> kShadowSuffixes = {
    "_data",   "_idx",  "_content", "_docsize", "_config", "_segments",
    "_segdir", "_stat", "_node",    "_parent",  "_rowid"};

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

std::string sqlite_on_delete(const std::string& rule) { return rule.empty() ? "NO ACTION" : rule; }

std::string pg_on_delete(const std::string& code) {
  if (code == "c") return "CASCADE";
  if (code == "n") return "SET NULL";
  if (code == "r") return "RESTRICT";
  if (code == "d") return "SET DEFAULT";
  return "NO ACTION";
}

Result<std::vector<std::string>> sqlite_primary_key(Connection& conn, const std::string& table) {
  DL_ASSIGN_OR_RETURN(RowSet rows, conn.query(kSqliteColumns, {table}));
  std::vector<std::pair<std::int64_t, std::string>> keyed;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].integer(4) > 0) keyed.emplace_back(rows[i].integer(4), rows[i].text(0));
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::string> out;
  for (auto& [position, name] : keyed) out.push_back(std::move(name));
  return out;
}

Status read_sqlite_table(Connection& conn, TableInfo& t, const std::string& create_sql) {
  DL_ASSIGN_OR_RETURN(RowSet cols, conn.query(kSqliteColumns, {t.name}));
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const Row r = cols[i];
    ColumnInfo c{r.text(0), normalise_type(r.text(1)), r.integer(2) == 0 && r.integer(4) == 0,
                 std::nullopt, r.integer(4) > 0};
    if (!r.is_null(3)) c.default_value = normalise_expression(r.text(3));
    t.columns.push_back(std::move(c));
  }
  DL_ASSIGN_OR_RETURN(t.primary_key, sqlite_primary_key(conn, t.name));

  DL_ASSIGN_OR_RETURN(RowSet fks, conn.query(kSqliteForeignKeys, {t.name}));
  std::int64_t current = -1;
  for (std::size_t i = 0; i < fks.size(); ++i) {
    const Row r = fks[i];
    if (r.integer(0) != current) {
      current = r.integer(0);
      t.foreign_keys.push_back({{}, r.text(1), {}, sqlite_on_delete(r.text(4))});
    }
    ForeignKeyInfo& fk = t.foreign_keys.back();
    fk.columns.push_back(r.text(2));
    if (!r.is_null(3)) fk.references.push_back(r.text(3));
  }
  for (ForeignKeyInfo& fk : t.foreign_keys) {
    if (fk.references.size() == fk.columns.size()) continue;
    // `REFERENCES parent` without columns names the parent's primary key.
    DL_ASSIGN_OR_RETURN(fk.references, sqlite_primary_key(conn, fk.table));
  }

  DL_ASSIGN_OR_RETURN(RowSet indexes, conn.query(kSqliteUniqueIndexes, {t.name}));
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    const std::string index = indexes[i].text(0);
    DL_ASSIGN_OR_RETURN(RowSet sql, conn.query(kSqliteIndexSql, {index}));
    std::optional<IndexText> text;
    if (!sql.empty() && !sql[0].is_null(0)) text = parse_create_index(sql[0].text(0));
    DL_ASSIGN_OR_RETURN(RowSet keys, conn.query(kSqliteIndexColumns, {index}));
    UniqueRule rule;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (!keys[k].is_null(1)) {
        rule.columns.push_back(keys[k].text(1));
      } else if (text && k < text->terms.size()) {
        rule.columns.push_back(text->terms[k]);  // an expression: show it as written
      } else {
        rule.columns.push_back("<expression>");
      }
    }
    if (indexes[i].integer(1) != 0 && text) rule.where = text->where;
    t.unique.push_back(std::move(rule));
  }
  t.checks = extract_checks(create_sql);
  return {};
}

Result<SchemaCatalog> read_sqlite(Connection& conn) {
  DL_ASSIGN_OR_RETURN(RowSet tables, conn.query(kSqliteTables));
  std::set<std::string> virtual_tables;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (starts_with_ci(tables[i].text(1), "CREATE VIRTUAL TABLE")) {
      virtual_tables.insert(tables[i].text(0));
    }
  }
  auto is_shadow = [&](const std::string& name) {
    for (const auto& v : virtual_tables) {
      for (std::string_view suffix : kShadowSuffixes) {
        if (name == v + std::string(suffix)) return true;
      }
    }
    return false;
  };
  SchemaCatalog catalog;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const std::string name = tables[i].text(0);
    if (is_internal(name) || virtual_tables.count(name) > 0 || is_shadow(name)) continue;
    TableInfo t;
    t.name = name;
    DL_TRY(read_sqlite_table(conn, t, tables[i].text(1)));
    catalog.tables.push_back(std::move(t));
  }
  return catalog;
}

// PostgreSQL's tables by name, filled in by one catalog query per kind of fact.
using PgTables = std::map<std::string, TableInfo>;

TableInfo* find_table(PgTables& tables, const std::string& name) {
  const auto it = tables.find(name);
  return it == tables.end() ? nullptr : &it->second;
}

Status read_pg_columns(Connection& conn, PgTables& tables) {
  DL_ASSIGN_OR_RETURN(RowSet cols, conn.query(kPgColumns));
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const Row r = cols[i];
    TableInfo* t = find_table(tables, r.text(0));
    if (t == nullptr) continue;
    ColumnInfo c{r.text(1), normalise_type(r.text(2)), !r.boolean(3), std::nullopt, false};
    if (!r.is_null(4)) c.default_value = normalise_expression(r.text(4));
    t->columns.push_back(std::move(c));
  }
  DL_ASSIGN_OR_RETURN(RowSet pks, conn.query(kPgPrimaryKeys));
  for (std::size_t i = 0; i < pks.size(); ++i) {
    if (TableInfo* t = find_table(tables, pks[i].text(0))) t->primary_key.push_back(pks[i].text(1));
  }
  return {};
}

// Foreign keys and unique indexes come one row per column, in order.
Status read_pg_keys(Connection& conn, PgTables& tables) {
  DL_ASSIGN_OR_RETURN(RowSet fks, conn.query(kPgForeignKeys));
  std::string previous;
  for (std::size_t i = 0; i < fks.size(); ++i) {
    const Row r = fks[i];
    TableInfo* t = find_table(tables, r.text(0));
    if (t == nullptr) continue;
    const std::string key = r.text(0) + "\n" + r.text(1);
    if (key != previous) t->foreign_keys.push_back({{}, r.text(2), {}, pg_on_delete(r.text(3))});
    previous = key;
    t->foreign_keys.back().columns.push_back(r.text(4));
    t->foreign_keys.back().references.push_back(r.text(5));
  }
  DL_ASSIGN_OR_RETURN(RowSet uniques, conn.query(kPgUnique));
  previous.clear();
  for (std::size_t i = 0; i < uniques.size(); ++i) {
    const Row r = uniques[i];
    TableInfo* t = find_table(tables, r.text(0));
    if (t == nullptr) continue;
    const std::string key = r.text(0) + "\n" + r.text(1);
    if (key != previous) {
      t->unique.push_back({{}, r.is_null(2) ? "" : normalise_expression(r.text(2))});
    }
    previous = key;
    t->unique.back().columns.push_back(normalise_expression(r.text(3)));
  }
  return {};
}

Status read_pg_checks(Connection& conn, PgTables& tables) {
  DL_ASSIGN_OR_RETURN(RowSet checks, conn.query(kPgChecks));
  for (std::size_t i = 0; i < checks.size(); ++i) {
    TableInfo* t = find_table(tables, checks[i].text(0));
    if (t == nullptr) continue;
    std::string def = checks[i].text(1);  // "CHECK (expr)" [NOT VALID]
    if (def.size() > 10 && def.compare(def.size() - 10, 10, " NOT VALID") == 0) {
      def.resize(def.size() - 10);
    }
    if (starts_with_ci(def, "CHECK ")) def = def.substr(6);
    t->checks.push_back(normalise_expression(def));
  }
  return {};
}

Result<SchemaCatalog> read_postgres(Connection& conn) {
  DL_ASSIGN_OR_RETURN(RowSet names, conn.query(kPgTables));
  PgTables tables;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string name = names[i].text(0);
    if (!is_internal(name)) tables[name].name = name;
  }
  DL_TRY(read_pg_columns(conn, tables));
  DL_TRY(read_pg_keys(conn, tables));
  DL_TRY(read_pg_checks(conn, tables));
  SchemaCatalog catalog;
  for (auto& [name, t] : tables) {
    for (ColumnInfo& c : t.columns) {
      c.primary_key =
          std::find(t.primary_key.begin(), t.primary_key.end(), c.name) != t.primary_key.end();
      c.nullable = c.nullable && !c.primary_key;
    }
    catalog.tables.push_back(std::move(t));
  }
  return catalog;
}

Status apply_annotations(Connection& conn, SchemaCatalog& catalog) {
  const bool sqlite = conn.dialect() == Dialect::kSqlite;
  DL_ASSIGN_OR_RETURN(RowSet exists,
                      conn.query(sqlite ? kSqliteHasAnnotations : kPgHasAnnotations));
  std::map<std::string, std::pair<std::string, std::string>> notes;
  if (!exists.empty() && (sqlite || exists[0].boolean(0))) {
    DL_ASSIGN_OR_RETURN(RowSet rows, conn.query(kAnnotations));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      notes[rows[i].text(0)] = {rows[i].text(1), rows[i].text(2)};
    }
  }
  for (TableInfo& t : catalog.tables) {
    const auto it = notes.find(t.name);
    t.annotated = it != notes.end();
    t.domain = t.annotated ? it->second.first : std::string(kUnannotatedDomain);
    t.note = t.annotated ? it->second.second : std::string(kUnannotatedNote);
    if (std::find(kSchemaDomains.begin(), kSchemaDomains.end(), t.domain) == kSchemaDomains.end()) {
      t.note = "(unknown domain '" + t.domain + "') " + t.note;
      t.domain = std::string(kUnannotatedDomain);
    }
  }
  return {};
}

}  // namespace

const ColumnInfo* TableInfo::column(std::string_view wanted) const {
  for (const ColumnInfo& c : columns) {
    if (c.name == wanted) return &c;
  }
  return nullptr;
}

bool TableInfo::is_unique_key(const std::vector<std::string>& cols) const {
  const std::set<std::string> wanted(cols.begin(), cols.end());
  if (wanted == std::set<std::string>(primary_key.begin(), primary_key.end())) return true;
  return std::any_of(unique.begin(), unique.end(), [&](const UniqueRule& u) {
    return u.where.empty() && wanted == std::set<std::string>(u.columns.begin(), u.columns.end());
  });
}

const TableInfo* SchemaCatalog::table(std::string_view wanted) const {
  for (const TableInfo& t : tables) {
    if (t.name == wanted) return &t;
  }
  return nullptr;
}

void sort_schema_catalog(SchemaCatalog& catalog) {
  std::sort(catalog.tables.begin(), catalog.tables.end(),
            [](const TableInfo& a, const TableInfo& b) { return a.name < b.name; });
  for (TableInfo& t : catalog.tables) {
    std::sort(t.foreign_keys.begin(), t.foreign_keys.end(),
              [](const ForeignKeyInfo& a, const ForeignKeyInfo& b) {
                return std::tie(a.columns, a.table, a.references) <
                       std::tie(b.columns, b.table, b.references);
              });
    // A unique rule that restates the primary key says nothing new.
    std::erase_if(t.unique, [&](const UniqueRule& u) {
      return u.where.empty() && u.columns == t.primary_key;
    });
    std::sort(t.unique.begin(), t.unique.end(), [](const UniqueRule& a, const UniqueRule& b) {
      return std::tie(a.columns, a.where) < std::tie(b.columns, b.where);
    });
    t.unique.erase(std::unique(t.unique.begin(), t.unique.end(),
                               [](const UniqueRule& a, const UniqueRule& b) {
                                 return a.columns == b.columns && a.where == b.where;
                               }),
                   t.unique.end());
    std::sort(t.checks.begin(), t.checks.end());
    t.checks.erase(std::unique(t.checks.begin(), t.checks.end()), t.checks.end());
  }
}

Result<SchemaCatalog> read_schema_catalog(Connection& conn) {
  Result<SchemaCatalog> read =
      conn.dialect() == Dialect::kSqlite ? read_sqlite(conn) : read_postgres(conn);
  if (!read.ok()) return read;
  SchemaCatalog catalog = std::move(read).value();
  DL_TRY(apply_annotations(conn, catalog));
  sort_schema_catalog(catalog);
  return catalog;
}

}  // namespace deltalabs
