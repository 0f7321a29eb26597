#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "core/result.h"
#include "storage/connection.h"
#include "storage/database.h"

namespace deltalabs {

// A job's lease as its holder saw it when it took or renewed it: what the
// job's writes check in their own transaction (decision 0029).
class JobFence {
 public:
  JobFence(std::string job, std::string holder, std::int64_t token,
           std::chrono::milliseconds duration)
      : job_(std::move(job)), holder_(std::move(holder)), token_(token), duration_(duration) {}

  // The fencing token: it grows on every takeover of the job.
  std::int64_t token() const { return token_; }
  // Inside the caller's transaction: confirms that the lease is still this
  // holder's under this token and extends it by the lease time (the row stays
  // locked until the transaction ends, so a takeover waits for it); 409
  // JOB_LEASE_LOST when another holder took over (the transaction must roll back).
  Status check(Connection& c) const;

 private:
  std::string job_;
  std::string holder_;
  std::int64_t token_;
  std::chrono::milliseconds duration_;
};

// The lease of one named background job (a row of job_leases) among the
// instances sharing a database: at most one holder at a time, until
// expires_at_ms unless renewed. Taking and renewing is one conditional
// UPDATE; a takeover increments the fencing token. On SQLite, where one
// process serves the file, the lease works the same and is simply always
// this process's. Not thread-safe: one job's thread uses it.
class JobLease {
 public:
  // The lease of `job` for the holder `holder` (the instance's owner id),
  // taken for `duration` at a time.
  JobLease(Database& db, std::string job, std::string holder, std::chrono::milliseconds duration);

  // Takes the lease when it is free or expired, or renews it when this holder
  // has it: the fence while held, nullopt while another holder has it; a
  // storage error when the database cannot be asked.
  Result<std::optional<JobFence>> take_or_renew();
  // Lets the lease go at once (a clean stop), so that another instance need
  // not wait for it to expire; the next taker still increments the token.
  Status release();
  // The job's name.
  const std::string& job() const { return job_; }
  // How long a take or renewal lasts.
  std::chrono::milliseconds duration() const { return duration_; }

 private:
  Database& db_;
  std::string job_;
  std::string holder_;
  std::chrono::milliseconds duration_;
  bool row_made_ = false;  // the job's row exists (made once, at the first take)
};

// Milliseconds since the Unix epoch now: the clock leases and counters use.
std::int64_t epoch_ms_now();

}  // namespace deltalabs
