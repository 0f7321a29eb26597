#include "app/lab_order_holds.h"

#include "commerce/checkout_service.h"
#include "commerce/order_repository.h"

namespace deltalabs {

Result<std::string> LabOrderHolds::open(Connection& c, const labs::Booking& booking) {
  commerce::HoldRequest hold;
  hold.user_id = booking.user_id;
  hold.lab_booking_id = booking.id;
  hold.title = booking.lab_name + ", " + booking.slot_start;
  hold.quantity = booking.seats;
  // The booking's amount is the lab's price per seat times its seats.
  hold.unit_price_minor = booking.amount_minor / booking.seats;
  hold.currency = booking.currency;
  return commerce::CheckoutService::place_hold(c, hold);
}

Status LabOrderHolds::close(Connection& c, const std::string& booking_id) {
  return commerce::CheckoutService::cancel_hold(c, booking_id);
}

Result<bool> LabOrderHolds::is_paid(Connection& c, const std::string& booking_id) {
  return commerce::OrderRepository::lab_booking_paid(c, booking_id);
}

}  // namespace deltalabs
