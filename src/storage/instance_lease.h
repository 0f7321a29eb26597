#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs {

// This process's place among the processes sharing one database: an owner id
// made at start, and a lock on it that the other processes can observe and
// that ends with the process, however it ends (a SIGKILL too). Rows a process
// marks with its owner id, e.g. an idempotency claim, are its own while it
// runs and nobody's once it is gone (decision 0025). Thread-safe.
class InstanceLease {
 public:
  virtual ~InstanceLease() = default;
  InstanceLease(const InstanceLease&) = delete;
  InstanceLease& operator=(const InstanceLease&) = delete;

  // This process's owner id: 16 hex digits, new at every start.
  const std::string& owner() const { return owner_; }
  // Whether the process that took `owner` still holds its lease; asked on `c`
  // (the caller's transaction) where the backend keeps leases in the database.
  virtual Result<bool> alive(Connection& c, const std::string& owner) = 0;

 protected:
  explicit InstanceLease(std::string owner) : owner_(std::move(owner)) {}

 private:
  std::string owner_;
};

// Takes a lease on the database a URL names (as open_database reads it):
// `<file>-owners` beside a SQLite file, an advisory lock on PostgreSQL.
Result<std::unique_ptr<InstanceLease>> open_instance_lease(const std::string& database_url);

// A new random owner id.
std::string make_owner_id();
// The lock key (0 to 2^62 - 1) an owner id stands for; nullopt when `owner` is not one.
std::optional<std::int64_t> owner_key(std::string_view owner);

}  // namespace deltalabs
