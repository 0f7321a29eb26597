#pragma once

#include <memory>
#include <string>

#include "storage/instance_lease.h"

namespace deltalabs {

// The instance lease of a process using a SQLite file: a write lock on one
// byte (at the owner's key) of `<file>-owners` beside the database, held as an
// open-file-description lock on a descriptor kept open for the lease's life.
// The kernel drops it when the process ends, however it ends; any process on
// the host sees it, whatever its PID namespace. The database file itself is
// left alone: closing a second descriptor of it would drop SQLite's own locks.
class SqliteInstanceLease final : public InstanceLease {
 public:
  // Takes a lease under a new owner id beside the database file at `database_path`.
  static Result<std::unique_ptr<InstanceLease>> open(const std::string& database_path);
  ~SqliteInstanceLease() override;

  Result<bool> alive(Connection& c, const std::string& owner) override;

 private:
  SqliteInstanceLease(std::string owner, int fd) : InstanceLease(std::move(owner)), fd_(fd) {}

  int fd_;
};

}  // namespace deltalabs
