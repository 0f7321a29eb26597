#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "core/result.h"
#include "platform/job_lease.h"

namespace deltalabs {

// A background job that runs on exactly one instance at a time (decision
// 0029): a thread of its own that, while it holds the job's lease, renews it
// three times per lease time and runs one pass of the work every `interval`
// with the fence that each of the pass's write transactions checks; while
// another instance holds it, asks for it every tick. Another instance takes
// over within the lease time of this one stopping renewing (a crash, a lost
// database); a clean stop releases the lease at once. start() and stop() are
// for the thread that owns the job.
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
  // One tick: renew or take the lease when due, then run a pass while it is held.
  void tick();
  // Takes or renews the lease into fence_ (empty while another holds it);
  // true when this holder has just taken it.
  bool renew();

  JobLease lease_;
  std::chrono::milliseconds interval_;
  std::chrono::milliseconds tick_;  // at most a third of the lease
  Work work_;
  std::optional<JobFence> fence_;  // while this holder holds the lease
  std::chrono::steady_clock::time_point renewed_{};
  std::chrono::steady_clock::time_point last_pass_{};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace deltalabs
