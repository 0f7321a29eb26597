#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/result.h"
#include "platform/job_lease.h"

namespace deltalabs {

// A background job that runs on exactly one instance at a time (decision
// 0029): a thread of its own that takes or renews the job's lease at least
// three times per lease time and, while it holds it, runs one pass of the
// work every `interval` with the fence that each of the pass's write
// transactions checks. Another instance
// takes over within the lease time of this one stopping renewing (a crash, a
// lost database); a clean stop releases the lease at once. start() and
// stop() are for the thread that owns the job.
class LeasedJob {
 public:
  // One pass of the job under `fence`; an error is logged and the pass runs again next tick.
  using Work = std::function<Status(const JobFence& fence)>;

  // Runs `work` every `interval` while `lease` is held.
  LeasedJob(JobLease lease, std::chrono::milliseconds interval, Work work);
  ~LeasedJob();
  LeasedJob(const LeasedJob&) = delete;
  LeasedJob& operator=(const LeasedJob&) = delete;

  // Starts the thread (once).
  void start();
  // Stops it after the pass in flight, if any, and releases the lease.
  void stop();

 private:
  void run();
  // One tick: renew or take the lease, then run a pass while it is held.
  void tick();

  JobLease lease_;
  std::chrono::milliseconds interval_;
  std::chrono::milliseconds tick_;  // between renewals: at most a third of the lease
  Work work_;
  std::chrono::steady_clock::time_point last_pass_{};
  bool held_ = false;  // whether the last tick held the lease (to log changes only)
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace deltalabs
