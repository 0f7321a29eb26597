#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "core/clock.h"
#include "core/result.h"
#include "labs/lab_service.h"
#include "labs/model.h"
#include "labs/payment_holds.h"
#include "labs/slot_seats.h"
#include "platform/job_lease.h"
#include "storage/connection.h"
#include "storage/database.h"

namespace deltalabs::labs {

// The payment holds of paid lab bookings (decision 0017, 0021): a paid
// booking holds its seats until its hold_expires_at; commerce settles it
// (paid or refunded) inside its own payment transaction, and holds that
// run out unpaid are expired, their orders cancelled and their seats given
// to the waitlist, by the next write to the slot or by the sweep
// (HoldSweeper). Placing and closing the hold's order happens in SlotSeats,
// through the PaymentHolds it was built with.
class PaymentHoldService {
 public:
  PaymentHoldService(Database& db, SlotSeats& seats, Clock clock)
      : db_(db), seats_(seats), clock_(std::move(clock)) {}

  // The seam for commerce: the booking's payment arrived, inside the
  // caller's (payment) transaction. Confirms it unless an approval is
  // outstanding; 409 BOOKING_NOT_PAYABLE when it awaits no payment or its
  // hold has run out (the seats may be someone else's by now).
  Status settle_payment(Connection& c, const std::string& booking_id);
  // The seam for commerce's refunds, inside the caller's transaction: the
  // booking's payment was refunded, so a live booking is cancelled and its
  // seats go to the waitlist (slot started or not); a booking already over
  // is left as it is.
  Status cancel_refunded(Connection& c, const std::string& booking_id);
  // Expires every payment hold that has run out and promotes waitlists;
  // returns how many slots it visited. With a `fence` (the sweep job's lease,
  // decision 0029) each slot's transaction checks it first: 409
  // JOB_LEASE_LOST once another instance took the sweep over.
  Result<std::int64_t> expire_holds(const JobFence* fence = nullptr);

 private:
  // The booking and its lab once the booking's slot is locked and its
  // run-out holds expired (the booking as it stands after that).
  Result<std::pair<Booking, Lab>> refreshed(Connection& c, const std::string& booking_id,
                                            TimePoint now);

  Database& db_;
  SlotSeats& seats_;
  Clock clock_;
};

}  // namespace deltalabs::labs
