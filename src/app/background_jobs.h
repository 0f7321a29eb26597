#pragma once

#include <chrono>
#include <memory>

#include "app/application.h"
#include "platform/leased_job.h"
#include "platform/mail_sender.h"

namespace deltalabs {

// The scheduled work of `serve`, each job on the one instance that holds its
// lease (decision 0029): mail delivery (when an SMTP server is configured),
// the lab hold sweep, and on PostgreSQL the sweep of ended rate-limit
// windows. Killing the holder hands a job to another instance within
// kJobLease. start() and stop() are for the serving thread.
class BackgroundJobs {
 public:
  // How long a job's lease lasts without renewal.
  static constexpr std::chrono::milliseconds kJobLease{10000};

  explicit BackgroundJobs(Application& app);
  ~BackgroundJobs();
  BackgroundJobs(const BackgroundJobs&) = delete;
  BackgroundJobs& operator=(const BackgroundJobs&) = delete;

  // Starts every job's thread.
  void start();
  // Stops them after their passes in flight, releasing the leases.
  void stop();

 private:
  Application& app_;
  std::unique_ptr<MailSender> mail_sender_;
  std::unique_ptr<LeasedJob> mail_;
  std::unique_ptr<LeasedJob> counter_sweep_;
};

}  // namespace deltalabs
