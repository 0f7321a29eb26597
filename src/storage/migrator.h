#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"
#include "storage/embedded_files.h"

namespace deltalabs {

// One numbered migration as applied to a dialect: the common file
// NNNN_name.sql plus, where the dialects differ, NNNN_name.<dialect>.sql.
struct Migration {
  int version = 0;
  std::string name;      // e.g. 0001_foundation
  std::string files;     // the file names it is made of, for messages
  std::string sql;       // the text that runs
  std::string checksum;  // SHA-256 of sql
  std::string conflict;  // set when two differently named files share the number
};

// The state of one migration in a database.
struct MigrationStatus {
  Migration migration;
  bool applied = false;
  std::string applied_at;
  bool checksum_matches = true;
};

// Applies numbered SQL migrations in order, each in its own transaction, and
// records them with a checksum in schema_migrations. Migrations are append-only:
// an applied file that changed stops everything with an error naming it.
class Migrator {
 public:
  // Uses the migrations compiled into the binary.
  explicit Migrator(Database& db);
  // Uses the given files (tests).
  Migrator(Database& db, std::vector<embedded::EmbeddedFile> files);

  // Every known migration and whether it is applied.
  Result<std::vector<MigrationStatus>> status();
  // Applies every pending migration; returns how many ran.
  Result<int> migrate();
  // The migrations for this database's dialect, in order.
  const std::vector<Migration>& migrations() const { return migrations_; }

 private:
  Status ensure_table();
  Status verify_applied(const std::vector<MigrationStatus>& states) const;
  Status verify_numbering() const;
  // SQLite plans from sqlite_stat1 once ANALYZE has run (the scale seed runs
  // it); an index a later migration adds has no row there and loses to the
  // analysed ones even where it is the better plan. Analyses those indexes.
  Status analyze_new_indexes();

  Database& db_;
  std::vector<Migration> migrations_;
};

}  // namespace deltalabs
