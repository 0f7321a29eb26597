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
  if (held_ && !lease_.release().ok())
    spdlog::warn(R"({{"msg":"job lease not released","job":"{}"}})", lease_.job());
  held_ = false;
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

void LeasedJob::tick() {
  auto taken = lease_.take_or_renew();
  if (!taken.ok()) {
    // The database is away: whoever holds the lease keeps it only until it expires.
    spdlog::warn(R"({{"msg":"job lease not renewed","job":"{}","cause":"{}"}})", lease_.job(),
                 taken.error().code);
    return;
  }
  const bool held = taken->has_value();
  if (held != held_)
    spdlog::info(R"({{"msg":"{}","job":"{}","token":{}}})",
                 held ? "job lease taken" : "job lease held elsewhere", lease_.job(),
                 held ? (*taken)->token() : 0);
  const bool taken_now = held && !held_;
  held_ = held;
  if (!held) return;
  const auto at = std::chrono::steady_clock::now();
  if (!taken_now && at - last_pass_ < interval_) return;
  last_pass_ = at;
  if (Status pass = work_(**taken); !pass.ok())
    spdlog::warn(R"({{"msg":"job pass failed","job":"{}","cause":"{}"}})", lease_.job(),
                 pass.error().code);
}

}  // namespace deltalabs
