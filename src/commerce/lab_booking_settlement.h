#pragma once

#include <string>

#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::commerce {

// What an order's lab_booking item does to its booking when money moves,
// inside the payment's own transaction (implemented over the labs domain,
// decision 0021). Commerce never writes lab tables itself.
class LabBookingSettlement {
 public:
  virtual ~LabBookingSettlement() = default;
  // The booking's payment arrived: confirm it; 409 BOOKING_NOT_PAYABLE when
  // its hold ran out (the hold's expiry then cancelled the order).
  virtual Status paid(Connection& c, const std::string& booking_id) = 0;
  // The booking's payment was refunded: cancel it and free its seats.
  virtual Status refunded(Connection& c, const std::string& booking_id) = 0;
};

}  // namespace deltalabs::commerce
