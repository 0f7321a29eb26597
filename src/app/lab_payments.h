#pragma once

#include <string>

#include "commerce/lab_booking_settlement.h"
#include "labs/payment_hold_service.h"
#include "labs/payment_holds.h"

namespace deltalabs {

// Connects labs and commerce for paid lab bookings (decision 0021), so
// neither domain writes the other's tables: a paid booking opens its
// pending order through commerce (CheckoutService::place_hold), a hold that
// ends unpaid cancels it (cancel_hold), and an order's payment or refund
// confirms or cancels the booking through labs (PaymentHoldService::
// settle_payment, cancel_refunded). Every call runs inside the caller's transaction.
class LabPayments : public labs::PaymentHolds, public commerce::LabBookingSettlement {
 public:
  explicit LabPayments(labs::PaymentHoldService& holds) : holds_(holds) {}

  // A pending order (offline bank transfer) for the booking's seats at the lab's price.
  Result<std::string> open(Connection& c, const labs::Booking& booking) override;
  // Cancels the booking's pending order, if any.
  Status close(Connection& c, const std::string& booking_id) override;
  // True when the booking's order is paid and its item not refunded.
  Result<bool> is_paid(Connection& c, const std::string& booking_id) override;
  // Confirms the booking (409 BOOKING_NOT_PAYABLE once its hold ran out).
  Status paid(Connection& c, const std::string& booking_id) override;
  // Cancels the refunded booking, freeing its seats for the waitlist.
  Status refunded(Connection& c, const std::string& booking_id) override;

 private:
  labs::PaymentHoldService& holds_;
};

}  // namespace deltalabs
