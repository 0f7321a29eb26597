#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/database.h"

namespace deltalabs {

// A bounded pool of connections made on demand by a factory. acquire() waits
// up to `wait_timeout` for a free connection, then fails with 503. A broken
// connection (Connection::broken) is dropped when it comes back and when it
// would be lent, so no request gets a connection the server has closed, and
// none is lent to two requests at once. Thread-safe.
class ConnectionPool {
 public:
  using Factory = std::function<Result<std::unique_ptr<Connection>>()>;

  ConnectionPool(Factory factory, std::size_t max_size, std::chrono::milliseconds wait_timeout);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // Borrows a connection; it comes back when the lease is destroyed. 503
  // DATABASE_BUSY after the wait; the factory's error when it cannot connect.
  Result<ConnectionLease> acquire();
  // Current size, use and queue.
  PoolStats stats() const;

 private:
  void release(Connection* connection);

  Factory factory_;
  std::size_t max_size_;
  std::chrono::milliseconds wait_timeout_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::vector<std::unique_ptr<Connection>> busy_;
  std::size_t opening_ = 0;
  std::size_t waiting_ = 0;
};

}  // namespace deltalabs
