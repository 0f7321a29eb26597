#include "platform/leased_job.h"

#include <spdlog/spdlog.h>

namespace deltalabs {

LeasedJob::LeasedJob(JobLease lease, std::chrono::milliseconds interval, Work work)
    : lease_(std::move(lease)),
      interval_(interval),
      tick_(std::min(interval, lease_.duration() / 3)),
      work_(std::move(work)) {}

LeasedJob::~LeasedJob() { stop(); }

void LeasedJob::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void LeasedJob::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (!thread_.joinable()) return;
  thread_.join();
  // Another instance need not wait out the lease of one that stopped cleanly.
  if (fence_ && !lease_.release().ok())
    spdlog::warn(R"({{"msg":"job lease not released","job":"{}"}})", lease_.job());
  fence_.reset();
}

void LeasedJob::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    tick();
    lock.lock();
    wake_.wait_for(lock, tick_, [this] { return stopping_; });
  }
}

bool LeasedJob::renew() {
  auto taken = lease_.take_or_renew();
  if (!taken.ok()) {
    // The database is away: whoever holds the lease keeps it only until it expires.
    spdlog::warn(R"({{"msg":"job lease not renewed","job":"{}","cause":"{}"}})", lease_.job(),
                 taken.error().code);
    return false;
  }
  const bool was_held = fence_.has_value();
  fence_ = std::move(taken).value();
  if (fence_.has_value() != was_held)
    spdlog::info(R"({{"msg":"{}","job":"{}","token":{}}})",
                 was_held ? "job lease held elsewhere" : "job lease taken", lease_.job(),
                 fence_ ? fence_->token() : 0);
  return fence_.has_value() && !was_held;
}

void LeasedJob::tick() {
  const auto at = std::chrono::steady_clock::now();
  bool taken_now = false;
  // A holder renews a third of the way into its lease, not at every tick: one
  // write per job every few seconds, however often its passes run.
  if (!fence_ || at - renewed_ >= lease_.duration() / 3) {
    taken_now = renew();
    renewed_ = at;
  }
  if (!fence_) return;
  if (!taken_now && at - last_pass_ < interval_) return;
  last_pass_ = at;
  Status pass = work_(*fence_);
  if (pass.ok()) return;
  spdlog::warn(R"({{"msg":"job pass failed","job":"{}","cause":"{}"}})", lease_.job(),
               pass.error().code);
  // Taken over: ask again at the next tick rather than run under a dead fence.
  if (pass.error().code == "JOB_LEASE_LOST") fence_.reset();
}

}  // namespace deltalabs
