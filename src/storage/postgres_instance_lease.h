#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "storage/instance_lease.h"
#include "storage/postgres_connection.h"

namespace deltalabs {

// The instance lease of a process using a PostgreSQL database: a session
// advisory lock on the owner's key, held on a connection of its own. The
// server releases it when that session ends, and a killed process's session
// ends when its socket closes; pg_locks shows it to every other process. A
// keeper thread checks the connection and, should it be lost or not answer
// within 5 s (a frozen server), drops it, reconnects and takes the same lock
// again; it never waits longer than that, so neither does its destructor.
class PostgresInstanceLease final : public InstanceLease {
 public:
  // Connects to `url` and takes a lease under a new owner id.
  static Result<std::unique_ptr<InstanceLease>> open(const std::string& url);
  ~PostgresInstanceLease() override;

  Result<bool> alive(Connection& c, const std::string& owner) override;

 private:
  PostgresInstanceLease(std::string owner, std::string url,
                        std::unique_ptr<PostgresConnection> held);
  // Connects to `url` and tries the advisory lock on `key`: the connection holding it, or an error.
  static Result<std::unique_ptr<PostgresConnection>> hold(const std::string& url, std::int64_t key);
  // The keeper thread: every kCheckEvery, checks the held connection and retakes a lost lock.
  void keep();
  // Whether the held connection still answers; reconnects and relocks when it does not.
  void check_or_retake();

  static constexpr std::chrono::seconds kCheckEvery{5};

  std::string url_;
  std::unique_ptr<PostgresConnection> held_;  // only the keeper thread uses it after open()
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread keeper_;
};

}  // namespace deltalabs
