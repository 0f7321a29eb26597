#pragma once

#include <string>

#include "commerce/lab_booking_settlement.h"
#include "labs/payment_hold_service.h"

namespace deltalabs {

// The lab side of an order's payment as commerce sees it (decision 0021): an
// order's payment or refund confirms or cancels its lab booking through labs
// (PaymentHoldService::settle_payment, cancel_refunded), so commerce never
// writes labs' tables. Every call runs inside the caller's transaction. Built
// on the labs module, so the commerce module is constructed after it.
class LabBookingPayments : public commerce::LabBookingSettlement {
 public:
  explicit LabBookingPayments(labs::PaymentHoldService& holds) : holds_(holds) {}

  // Confirms the booking (409 BOOKING_NOT_PAYABLE once its hold ran out).
  Status paid(Connection& c, const std::string& booking_id) override;
  // Cancels the refunded booking, freeing its seats for the waitlist.
  Status refunded(Connection& c, const std::string& booking_id) override;

 private:
  labs::PaymentHoldService& holds_;
};

}  // namespace deltalabs
