#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "labs/payment_hold_service.h"
#include "platform/leased_job.h"
#include "storage/database.h"

namespace deltalabs::labs {

// Expires run-out payment holds every `interval`
// (PaymentHoldService::expire_holds), so a waitlisted user gets the freed seat
// and their notification even when nobody writes to the slot. Every answer
// is right without it (reads discount run-out holds; writes expire them
// first); it only makes the promotion timely. Of the instances sharing a
// database only the holder of the sweep's lease runs it (decision 0029).
class HoldSweeper {
 public:
  // The job's name in job_leases.
  static constexpr const char* kJob = "lab-hold-sweeper";

  HoldSweeper(Database& db, PaymentHoldService& holds, std::chrono::milliseconds interval)
      : db_(db), holds_(holds), interval_(interval) {}
  HoldSweeper(const HoldSweeper&) = delete;
  HoldSweeper& operator=(const HoldSweeper&) = delete;

  // Starts sweeping (once) whenever the instance `holder` holds the sweep's
  // lease, taken for `lease` at a time.
  void start(const std::string& holder, std::chrono::milliseconds lease);
  // Stops after the sweep in flight, if any, and releases the lease.
  void stop();

 private:
  Database& db_;
  PaymentHoldService& holds_;
  std::chrono::milliseconds interval_;
  std::unique_ptr<LeasedJob> job_;
};

}  // namespace deltalabs::labs
