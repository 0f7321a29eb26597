#pragma once

#include <string>

#include "labs/payment_holds.h"

namespace deltalabs {

// The payment side of paid lab bookings as labs sees it (decision 0021): a
// paid booking opens its pending order through commerce
// (CheckoutService::place_hold), and a hold that ends unpaid cancels it
// (cancel_hold), so labs never writes commerce's tables. Every call runs
// inside the caller's transaction. Needs nothing built before it, so the labs
// module is constructed with it.
class LabOrderHolds : public labs::PaymentHolds {
 public:
  // A pending order (offline bank transfer) for the booking's seats at the lab's price.
  Result<std::string> open(Connection& c, const labs::Booking& booking) override;
  // Cancels the booking's pending order, if any.
  Status close(Connection& c, const std::string& booking_id) override;
  // True when the booking's order is paid and its item not refunded.
  Result<bool> is_paid(Connection& c, const std::string& booking_id) override;
};

}  // namespace deltalabs
