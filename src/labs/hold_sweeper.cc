#include "labs/hold_sweeper.h"

namespace deltalabs::labs {

void HoldSweeper::start(const std::string& holder, std::chrono::milliseconds lease) {
  if (job_ != nullptr) return;
  job_ = std::make_unique<LeasedJob>(JobLease(db_, kJob, holder, lease), interval_,
                                     [this](const JobFence& fence) -> Status {
                                       // A failed sweep is retried at the next tick.
                                       auto swept = holds_.expire_holds(&fence);
                                       if (!swept.ok()) return std::move(swept).error();
                                       return {};
                                     });
  job_->start();
}

void HoldSweeper::stop() {
  if (job_ != nullptr) job_->stop();
}

}  // namespace deltalabs::labs
