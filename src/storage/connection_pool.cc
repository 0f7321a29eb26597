#include "storage/connection_pool.h"

#include <algorithm>

namespace deltalabs {

ConnectionPool::ConnectionPool(Factory factory, std::size_t max_size,
                               std::chrono::milliseconds wait_timeout)
    : factory_(std::move(factory)),
      max_size_(std::max<std::size_t>(1, max_size)),
      wait_timeout_(wait_timeout) {}

ConnectionPool::~ConnectionPool() = default;

Result<ConnectionLease> ConnectionPool::acquire() {
  std::vector<std::unique_ptr<Connection>> dead;  // closed after the lock is released
  std::unique_lock lock(mutex_);
  const auto deadline = std::chrono::steady_clock::now() + wait_timeout_;
  for (;;) {
    while (!idle_.empty()) {
      std::unique_ptr<Connection> c = std::move(idle_.back());
      idle_.pop_back();
      // The server may have closed it while it sat here (a restart, a
      // failover): it is dropped, never lent, and its place made anew.
      if (c->broken()) {
        dead.push_back(std::move(c));
        continue;
      }
      busy_.push_back(std::move(c));
      Connection* lent = busy_.back().get();
      return ConnectionLease(lent, [this](Connection* conn) { release(conn); });
    }
    if (idle_.size() + busy_.size() + opening_ < max_size_) {
      ++opening_;
      lock.unlock();
      auto made = factory_();
      lock.lock();
      --opening_;
      if (!made.ok()) {
        available_.notify_one();
        return std::move(made).error();
      }
      busy_.push_back(std::move(made).value());
      Connection* c = busy_.back().get();
      return ConnectionLease(c, [this](Connection* conn) { release(conn); });
    }
    ++waiting_;
    const bool woke = available_.wait_until(lock, deadline) != std::cv_status::timeout;
    --waiting_;
    if (!woke && idle_.empty()) {
      return Error::unavailable("DATABASE_BUSY", "The database is busy; try again shortly.",
                                "connection pool wait timed out");
    }
  }
}

void ConnectionPool::release(Connection* connection) {
  std::unique_ptr<Connection> owned;
  {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(busy_.begin(), busy_.end(),
                           [&](const auto& p) { return p.get() == connection; });
    if (it == busy_.end()) return;
    if ((*it)->broken()) {
      owned = std::move(*it);  // closed outside the lock
    } else {
      idle_.push_back(std::move(*it));
    }
    busy_.erase(it);
  }
  available_.notify_one();
}

PoolStats ConnectionPool::stats() const {
  std::lock_guard lock(mutex_);
  return {idle_.size() + busy_.size(), busy_.size(), waiting_};
}

}  // namespace deltalabs
