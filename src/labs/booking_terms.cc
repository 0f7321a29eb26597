#include "labs/booking_terms.h"

namespace deltalabs::labs {

Result<std::string> BookingTerms::slot_start(const BookingRequest& request) {
  const auto start = parse_rfc3339(request.slot_start);
  if (!start)
    return Error::invalid("The request body is not valid.",
                          {{"slot_start", "must be an RFC 3339 timestamp"}});
  return format_rfc3339(*start);
}

Status BookingTerms::open(const Slot& slot, TimePoint now) {
  const auto start = parse_rfc3339(slot.slot_start);
  if (start && *start > now) return {};
  return Error::conflict("SLOT_STARTED", "The slot has started or is over; it cannot be booked.");
}

Booking BookingTerms::seen(Booking b, TimePoint now) {
  if (b.status == "pending" && b.awaiting_payment && b.hold_expires_at) {
    const auto until = parse_rfc3339(*b.hold_expires_at);
    if (until && *until <= now) b.status = "expired";
  }
  return b;
}

NewBooking BookingTerms::of(const Lab& lab, const std::string& slot_id, const std::string& user_id,
                            std::int64_t seats, TimePoint now) const {
  NewBooking nb;
  nb.availability_id = slot_id;
  nb.user_id = user_id;
  nb.seats = seats;
  nb.awaiting_approval = lab.requires_approval;
  nb.amount_minor = lab.price_amount_minor * seats;
  nb.currency = lab.currency;
  // A paid booking holds its seats until the hold runs out; commerce's
  // order for it settles the payment through PaymentHoldService::settle_payment().
  nb.awaiting_payment = nb.amount_minor > 0;
  if (nb.awaiting_payment) nb.hold_expires_at = format_rfc3339(now + options_.payment_hold);
  nb.status = nb.awaiting_approval || nb.awaiting_payment ? "pending" : "confirmed";
  return nb;
}

}  // namespace deltalabs::labs
