#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "core/clock.h"
#include "core/result.h"
#include "labs/booking_terms.h"
#include "labs/model.h"
#include "labs/payment_holds.h"
#include "storage/connection.h"

namespace deltalabs::labs {

// The seats of one slot, moved inside the caller's transaction with the slot
// locked (SlotRepository::lock): bookings placed with their payment hold,
// run-out holds expired, seats given back to the slot and taken by its
// waitlist strictly in order. BookingService, WaitlistService and
// PaymentHoldService all move seats through it, so a freed seat always
// reaches the first in line, whoever freed it.
class SlotSeats {
 public:
  // `holds` is the payment side: a paid booking opens a pending order in its
  // transaction, and a hold that ends unpaid cancels it.
  SlotSeats(BookingTerms terms, PaymentHolds& holds) : terms_(terms), holds_(holds) {}

  // The lab and its slot starting at `slot_start`, the slot locked for the transaction.
  static Result<std::pair<Lab, Slot>> lock(Connection& c, const std::string& lab_id,
                                           const std::string& slot_start, TimePoint now);
  // Writes a new booking of `seats` already taken in the slot and, for a
  // paid lab, the pending order holding its payment;
  // answers the booking as stored.
  Result<Booking> place(Connection& c, const Lab& lab, const std::string& slot_id,
                        const std::string& user_id, std::int64_t seats, TimePoint now);
  // Expires the slot's run-out holds (cancelling their orders), freeing their seats for the
  // waitlist.
  Status refresh(Connection& c, const std::string& slot_id, const Lab& lab, TimePoint now);
  // Gives `seats` back to the slot and lets the waitlist take them.
  Status release(Connection& c, const std::string& slot_id, std::int64_t seats, const Lab& lab,
                 TimePoint now);
  // Books the first in line while their seats fit, and notifies each
  // (lab_booking.waitlist_promoted); nobody jumps ahead of one who does not fit.
  Status promote(Connection& c, const std::string& slot_id, const Lab& lab, TimePoint now);
  // 409 BOOKING_PAID when the booking's seats were paid for: they are given
  // back by refunding the order, so money and seats move together.
  Status refuse_if_paid(Connection& c, const Booking& b);
  // Cancels the pending order of a booking whose hold ended unpaid (cancelled or rejected).
  Status close_hold(Connection& c, const Booking& b);

 private:
  BookingTerms terms_;
  PaymentHolds& holds_;
};

}  // namespace deltalabs::labs
