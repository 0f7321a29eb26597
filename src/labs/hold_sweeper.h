#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "labs/payment_hold_service.h"

namespace deltalabs::labs {

// A background thread that expires run-out payment holds every `interval`
// (PaymentHoldService::expire_holds), so a waitlisted user gets the freed seat
// and their notification even when nobody writes to the slot. Every answer
// is right without it (reads discount run-out holds; writes expire them
// first); it only makes the promotion timely.
class HoldSweeper {
 public:
  HoldSweeper(PaymentHoldService& holds, std::chrono::milliseconds interval)
      : holds_(holds), interval_(interval) {}
  ~HoldSweeper() { stop(); }
  HoldSweeper(const HoldSweeper&) = delete;
  HoldSweeper& operator=(const HoldSweeper&) = delete;

  // Starts the thread (once).
  void start();
  // Stops it after the sweep in flight, if any.
  void stop();

 private:
  void run();

  PaymentHoldService& holds_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace deltalabs::labs
