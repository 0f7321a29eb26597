#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "storage/database.h"

namespace deltalabs {

// A database of one test's own on the backend a parameterised test names:
// "sqlite", a new temporary file; "postgresql", a new database on the server
// DELTALABS_TEST_PG names (scripts/test sets it). Closed, then deleted or
// dropped, when it is destroyed.
class FreshDatabase {
 public:
  // Whether DELTALABS_TEST_PG names a server; PostgreSQL cases skip without one.
  static bool postgres_available();
  // The server's URL DELTALABS_TEST_PG names; empty when it names none.
  static std::string server_url();
  // Creates one for `backend`, named after `prefix`, with `pool` connections.
  static Result<std::unique_ptr<FreshDatabase>> create(const std::string& backend,
                                                       const std::string& prefix, std::size_t pool);

  ~FreshDatabase();
  FreshDatabase(const FreshDatabase&) = delete;
  FreshDatabase& operator=(const FreshDatabase&) = delete;

  // The open database.
  Database& db() { return *db_; }
  // Its URL, to open other handles on it (credentials included).
  const std::string& url() const { return url_; }

 private:
  FreshDatabase() = default;

  std::unique_ptr<Database> admin_;  // PostgreSQL: the server's database, to drop ours from
  std::string name_;                 // PostgreSQL: our database
  std::string path_;                 // SQLite: our file
  std::string url_;
  std::unique_ptr<Database> db_;
};

}  // namespace deltalabs
