#include "storage/migrator.h"

#include <algorithm>
#include <map>

#include "core/clock.h"
#include "core/crypto.h"

namespace deltalabs {

namespace {

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " checksum TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)";
constexpr const char* kSelectApplied =
    "SELECT version, checksum, applied_at FROM schema_migrations ORDER BY version";
constexpr const char* kIsApplied = "SELECT 1 FROM schema_migrations WHERE version = $1";
constexpr const char* kRecord =
    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)";
// SQLite: whether ANALYZE has ever run, and the indexes it has no statistics for.
constexpr const char* kHasStatistics =
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'";
constexpr const char* kIndexesWithoutStatistics =
    "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT IN "
    "(SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL)";
// Serialises concurrent migrators on PostgreSQL (SQLite's BEGIN IMMEDIATE already does).
constexpr const char* kPostgresLock = "SELECT pg_advisory_xact_lock(8020170001)";

// NNNN_name.sql -> (NNNN, name, ""); NNNN_name.sqlite.sql -> (NNNN, name, "sqlite").
struct ParsedName {
  int version = -1;
  std::string base;
  std::string dialect;
};

ParsedName parse_name(std::string_view file) {
  ParsedName p;
  if (file.size() < 9 || file.substr(file.size() - 4) != ".sql") return p;
  std::string stem(file.substr(0, file.size() - 4));
  for (const char* d : {"sqlite", "postgresql"}) {
    const std::string suffix = std::string(".") + d;
    if (stem.size() > suffix.size() &&
        stem.compare(stem.size() - suffix.size(), suffix.size(), suffix) == 0) {
      p.dialect = d;
      stem.resize(stem.size() - suffix.size());
    }
  }
  if (stem.size() < 6 || stem[4] != '_' ||
      !std::all_of(stem.begin(), stem.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
    return p;
  }
  p.version = std::stoi(stem.substr(0, 4));
  p.base = stem;
  return p;
}

std::vector<Migration> build(const std::vector<embedded::EmbeddedFile>& files, Dialect dialect) {
  const std::string mine = dialect == Dialect::kSqlite ? "sqlite" : "postgresql";
  std::map<int, Migration> by_version;
  std::map<int, std::string> dialect_sql;
  for (const auto& f : files) {
    const ParsedName p = parse_name(f.name);
    if (p.version < 0 || (!p.dialect.empty() && p.dialect != mine)) continue;
    Migration& m = by_version[p.version];
    if (!m.name.empty() && m.name != p.base) {
      // Two files claim one number: refuse rather than merge them.
      m.conflict = m.name + " and " + p.base;
    }
    m.version = p.version;
    m.name = p.base;
    m.files += (m.files.empty() ? "" : " + ") + std::string(f.name);
    if (p.dialect.empty()) {
      m.sql = std::string(f.contents) + m.sql;
    } else {
      dialect_sql[p.version] = std::string(f.contents);
    }
  }
  std::vector<Migration> out;
  for (auto& [version, m] : by_version) {
    if (auto it = dialect_sql.find(version); it != dialect_sql.end()) m.sql += "\n" + it->second;
    m.checksum = sha256_hex(m.sql);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

Migrator::Migrator(Database& db) : Migrator(db, embedded::deltalabs_migrations_embedded()) {}

Migrator::Migrator(Database& db, std::vector<embedded::EmbeddedFile> files)
    : db_(db), migrations_(build(files, db.dialect())) {}

Status Migrator::ensure_table() {
  DL_ASSIGN_OR_RETURN(auto conn, db_.write());
  return conn->execute_script(kCreateTable);
}

Result<std::vector<MigrationStatus>> Migrator::status() {
  DL_TRY(ensure_table());
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(RowSet rows, conn->query(kSelectApplied));
  std::vector<MigrationStatus> out;
  for (const auto& m : migrations_) {
    MigrationStatus s{m, false, {}, true};
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].integer(0) == m.version) {
        s.applied = true;
        s.checksum_matches = rows[i].text(1) == m.checksum;
        s.applied_at = rows[i].text(2);
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

Status Migrator::verify_applied(const std::vector<MigrationStatus>& states) const {
  for (const auto& s : states) {
    if (s.applied && !s.checksum_matches) {
      return Error::conflict(
          "MIGRATION_CHANGED",
          "Migration " + s.migration.files +
              " was changed after it was applied; migrations are append-only, add a new one.");
    }
  }
  return {};
}

Status Migrator::verify_numbering() const {
  for (const auto& m : migrations_) {
    if (!m.conflict.empty()) {
      return Error::conflict("MIGRATION_NUMBER_TAKEN",
                             "Migrations " + m.conflict + " share the number " +
                                 std::to_string(m.version) + "; renumber the newer one.");
    }
  }
  return {};
}

Result<int> Migrator::migrate() {
  DL_TRY(verify_numbering());
  DL_ASSIGN_OR_RETURN(auto states, status());
  DL_TRY(verify_applied(states));
  int applied = 0;
  for (const auto& s : states) {
    if (s.applied) continue;
    const Migration& m = s.migration;
    DL_ASSIGN_OR_RETURN(bool ran, db_.transaction([&](Connection& conn) -> Result<bool> {
      if (conn.dialect() == Dialect::kPostgres) DL_TRY(conn.query(kPostgresLock));
      DL_ASSIGN_OR_RETURN(RowSet done, conn.query(kIsApplied, {m.version}));
      if (!done.empty()) return false;  // another process applied it meanwhile
      if (auto r = conn.execute_script(m.sql); !r.ok()) {
        Error e = std::move(r).error();
        e.message = "Migration " + m.files + " failed: " + e.cause;
        return e;
      }
      DL_TRY(conn.execute(kRecord, {m.version, m.name, m.checksum, format_rfc3339(now())}));
      return true;
    }));
    if (ran) ++applied;
  }
  // Every start, not only after a migration: a database migrated by an
  // older binary has its new indexes unanalysed too.
  DL_TRY(analyze_new_indexes());
  return applied;
}

Status Migrator::analyze_new_indexes() {
  if (db_.dialect() != Dialect::kSqlite) return {};  // PostgreSQL's autovacuum analyses
  DL_ASSIGN_OR_RETURN(auto conn, db_.write());
  DL_ASSIGN_OR_RETURN(RowSet analysed, conn->query(kHasStatistics));
  if (analysed.empty()) return {};
  DL_ASSIGN_OR_RETURN(RowSet indexes, conn->query(kIndexesWithoutStatistics));
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    // Index names come from our own migrations; quoted all the same.
    DL_TRY(conn->execute_script("ANALYZE \"" + indexes[i].text(0) + "\""));
  }
  return {};
}

}  // namespace deltalabs
