#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "platform/job_lease.h"
#include "platform/mail_transport.h"
#include "storage/database.h"

namespace deltalabs {

// Delivers the mail outbox, one pass at a time, for the holder of the mail
// job's lease (a LeasedJob runs it: decision 0029): claims due messages,
// hands them to a transport, marks them sent, and retries failures with
// exponential backoff up to kMaxAttempts. Every claim and mark checks the
// job's fence in its transaction, so a sender that lost the lease stops at
// its next write; a message it had claimed is free at once for the next
// holder. Not thread-safe: one job thread calls it.
class MailSender {
 public:
  static constexpr int kMaxAttempts = 8;
  // The job's name in job_leases.
  static constexpr const char* kJob = "mail-sender";

  MailSender(Database& db, std::unique_ptr<MailTransport> transport, std::string from);

  // Delivers what is due now under `fence`; how many were sent, or 409
  // JOB_LEASE_LOST once another instance took the job over.
  Result<int> deliver_due(const JobFence& fence);

 private:
  // Claims one due message under the fence; false when it is no longer due.
  Result<bool> claim(const JobFence& fence, const MailMessage& m);
  // Records under the fence how sending `m` went: sent, or failed (retried later or given up).
  Status record(const JobFence& fence, const MailMessage& m, const Status& delivered);

  Database& db_;
  std::unique_ptr<MailTransport> transport_;
  std::string from_;
};

}  // namespace deltalabs
