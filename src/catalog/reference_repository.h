#pragma once

#include <string>

#include "catalog/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::catalog {

// The statements of one reference table (course_categories or course_levels).
struct ReferenceStatements {
  const char* insert;
  const char* select;
  const char* list;
  const char* what;  // "course category", for 404 codes and messages
};

// Reads and writes one table of catalog reference data. Stateless: the caller
// passes the connection, so the service decides the transaction.
class ReferenceRepository {
 public:
  explicit ReferenceRepository(ReferenceStatements statements) : sql_(statements) {}

  // The statements of course_categories and of course_levels.
  static ReferenceStatements categories();
  static ReferenceStatements levels();

  // Inserts an entry; returns its id; 409 SLUG_TAKEN on a duplicate slug.
  Result<std::string> insert(Connection& c, const ReferenceInput& input) const;
  // The entry, or 404 <WHAT>_NOT_FOUND.
  Result<ReferenceEntry> find(Connection& c, const std::string& id) const;
  // A page of entries ordered by slug.
  Result<Page<ReferenceEntry>> list(Connection& c, const PageRequest& page) const;
  // What the table holds, for messages.
  const char* what() const { return sql_.what; }

 private:
  ReferenceStatements sql_;
};

}  // namespace deltalabs::catalog
