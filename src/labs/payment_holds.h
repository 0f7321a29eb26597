#pragma once

#include <string>

#include "core/result.h"
#include "labs/model.h"
#include "storage/connection.h"

namespace deltalabs::labs {

// What bookings of a paid lab ask of the payment side (commerce), always
// inside the booking's own transaction, so a seat and its payment hold are
// written or undone together (decision 0021).
class PaymentHolds {
 public:
  virtual ~PaymentHolds() = default;
  // Opens the pending order that holds payment for a new paid booking;
  // returns the order's id.
  virtual Result<std::string> open(Connection& c, const Booking& booking) = 0;
  // Cancels the booking's pending order and payment, if it has one: the
  // hold ended unpaid (expired, cancelled or rejected).
  virtual Status close(Connection& c, const std::string& booking_id) = 0;
  // True when the booking has a paid order that was not refunded.
  virtual Result<bool> is_paid(Connection& c, const std::string& booking_id) = 0;
};

}  // namespace deltalabs::labs
