#include "labs/hold_sweeper.h"

#include <spdlog/spdlog.h>

namespace deltalabs::labs {

void HoldSweeper::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void HoldSweeper::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void HoldSweeper::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    auto swept = holds_.expire_holds();
    // A failed sweep (database busy or away) is retried at the next tick.
    if (!swept.ok())
      spdlog::warn(R"({{"msg":"lab hold sweep failed","cause":"{}"}})", swept.error().message);
    lock.lock();
  }
}

}  // namespace deltalabs::labs
