#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "labs/booking_repository.h"
#include "labs/lab_access.h"
#include "labs/lab_service.h"
#include "labs/model.h"
#include "labs/payment_holds.h"
#include "platform/feature_flags.h"
#include "storage/commit_durability.h"
#include "storage/database.h"

namespace deltalabs::labs {

// Settings of lab bookings.
struct BookingOptions {
  // How long an unpaid booking of a paid lab holds its seats.
  std::chrono::seconds payment_hold{std::chrono::minutes(15)};
};

// Bookings of lab slots and their waitlists. The rules:
//  - anyone signed in books seats in a slot that has not started, by the
//    slot's start time; seats never exceed capacity under any concurrency
//    (409 SLOT_UNAVAILABLE when they do not fit), one live booking per user
//    and slot (409 ALREADY_BOOKED);
//  - a lab needing approval books `pending` with the seats held until an
//    approver (LabAccess) approves or rejects; a paid lab books `pending`
//    with a payment hold until hold_expires_at, after which the booking
//    expires and frees its seats (recorded by the next write to the slot,
//    and shown as expired on reads before that);
//  - when seats free (cancellation, rejection, expiry) the first in the
//    slot's waitlist is booked in the same transaction, while their seats
//    fit, and notified (lab_booking.waitlist_promoted).
// Every write to a slot's bookings or waitlist locks the slot first, and
// answers only once its commit is durable (CommitDurability, decision 0016).
class BookingService {
 public:
  BookingService(Database& db, CommitDurability& durable, const LabAccess& access, Clock clock,
                 BookingOptions options)
      : db_(db), durable_(durable), access_(access), clock_(std::move(clock)), options_(options) {}

  // Books seats in the lab's slot starting at request.slot_start.
  Result<Booking> book(const Actor& actor, const std::string& lab_id, BookingRequest request);
  // The actor's bookings, newest first; with a lab, that lab's bookings (its approvers only).
  Result<Page<Booking>> list(const Actor& actor, const std::optional<std::string>& lab_id,
                             const PageRequest& page);
  // One booking, for its booker or the lab's approvers (404 for anyone else).
  Result<Booking> get(const Actor& actor, const std::string& id);
  // Approves a booking awaiting approval (approvers only); 409 BOOKING_NOT_PENDING.
  Result<Booking> approve(const Actor& actor, const std::string& id);
  // Rejects a booking awaiting approval, freeing its seats and cancelling an
  // unpaid hold's order (approvers only); 409 BOOKING_PAID once it was paid.
  Result<Booking> reject(const Actor& actor, const std::string& id);
  // Cancels a pending or confirmed booking before its slot starts (its booker
  // or an approver); frees its seats and cancels an unpaid hold's order;
  // 409 BOOKING_NOT_ACTIVE, SLOT_STARTED, BOOKING_PAID (refund the order instead).
  Result<Booking> cancel(const Actor& actor, const std::string& id);
  // Puts the actor in line for a full slot; 409 SEATS_AVAILABLE when the
  // seats could be booked now, ALREADY_BOOKED, ALREADY_WAITLISTED.
  Result<WaitlistEntry> join_waitlist(const Actor& actor, const std::string& lab_id,
                                      BookingRequest request);
  // Leaves the line (the entry's user only).
  Status leave_waitlist(const Actor& actor, const std::string& entry_id);
  // The actor's pending and confirmed bookings, in time order, for a calendar.
  Result<std::vector<Booking>> calendar(const Actor& actor);
  // Attaches the payment side: from then on a paid booking opens a pending
  // order in its transaction, and a hold that ends unpaid cancels it.
  void attach_payments(PaymentHolds* holds) { holds_ = holds; }
  // Lets an operator turn booking off: with `labs.enabled` false, new bookings
  // and waitlist entries answer 503 FEATURE_DISABLED (reading and cancelling go on).
  void attach_features(FeatureFlags* flags) { features_ = flags; }
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
  // returns how many slots it visited.
  Result<std::int64_t> expire_holds();

 private:
  // The booking as it stands at `now` (a hold past its time reads as expired).
  Booking seen(Booking b, TimePoint now) const;
  // The state a new booking of the lab starts in.
  NewBooking terms(const Lab& lab, const std::string& slot_id, const std::string& user_id,
                   std::int64_t seats, TimePoint now) const;
  // Expires the slot's run-out holds, freeing their seats for the waitlist.
  Status refresh(Connection& c, const std::string& slot_id, const Lab& lab, TimePoint now);
  // Gives `seats` back to the slot and lets the waitlist take them.
  Status release(Connection& c, const std::string& slot_id, std::int64_t seats, const Lab& lab,
                 TimePoint now);
  // Books the first in line while their seats fit.
  Status promote(Connection& c, const std::string& slot_id, const Lab& lab, TimePoint now);
  // Writes a new booking and, for a paid lab with payments attached, its
  // pending order; answers the booking as stored.
  Result<Booking> insert(Connection& c, const NewBooking& nb, TimePoint now);
  // 409 BOOKING_PAID when the booking's seats were paid for: they are given
  // back by refunding the order, so money and seats move together.
  Status refuse_if_paid(Connection& c, const Booking& b);
  // Cancels the pending order of a booking whose hold ended unpaid.
  Status close_hold(Connection& c, const Booking& b);
  // Approves or rejects.
  Result<Booking> decide(const Actor& actor, const std::string& id, bool approve);
  // The booking with its lab, and whether the actor approves its lab; 404
  // for anyone but its booker and approvers when `hide_from_strangers`.
  Result<std::pair<Booking, Lab>> visible(const Actor& actor, const std::string& id, bool* approver,
                                          bool hide_from_strangers);

  Database& db_;
  CommitDurability& durable_;
  const LabAccess& access_;
  Clock clock_;
  BookingOptions options_;
  PaymentHolds* holds_ = nullptr;
  FeatureFlags* features_ = nullptr;
};

}  // namespace deltalabs::labs
