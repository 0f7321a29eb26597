#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "labs/booking_terms.h"
#include "labs/lab_access.h"
#include "labs/lab_service.h"
#include "labs/model.h"
#include "labs/slot_seats.h"
#include "platform/feature_flags.h"
#include "storage/commit_durability.h"
#include "storage/database.h"

namespace deltalabs::labs {

// Bookings of lab slots. The rules:
//  - anyone signed in books seats in a slot that has not started, by the
//    slot's start time; seats never exceed capacity under any concurrency
//    (409 SLOT_UNAVAILABLE when they do not fit), one live booking per user
//    and slot (409 ALREADY_BOOKED);
//  - a lab needing approval books `pending` with the seats held until an
//    approver (LabAccess) approves or rejects; a paid lab books `pending`
//    with a payment hold until hold_expires_at, after which the booking
//    expires and frees its seats (recorded by the next write to the slot,
//    and shown as expired on reads before that; PaymentHoldService settles
//    and sweeps holds);
//  - seats a cancellation or rejection frees go to the slot's waitlist
//    (WaitlistService) in the same transaction, through SlotSeats.
// Every write to a slot's bookings locks the slot first, and answers only
// once its commit is durable (CommitDurability, decision 0016).
class BookingService {
 public:
  // `features` lets an operator turn booking off: with `labs.enabled` false,
  // new bookings answer 503 FEATURE_DISABLED (reading and cancelling go on).
  BookingService(Database& db, CommitDurability& durable, const LabAccess& access, SlotSeats& seats,
                 FeatureFlags& features, Clock clock)
      : db_(db),
        durable_(durable),
        access_(access),
        seats_(seats),
        features_(features),
        clock_(std::move(clock)) {}

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
  // The actor's pending and confirmed bookings, in time order, for a calendar.
  Result<std::vector<Booking>> calendar(const Actor& actor);

 private:
  // Approves or rejects.
  Result<Booking> decide(const Actor& actor, const std::string& id, bool approve);
  // The booking with its lab, and whether the actor approves its lab; 404
  // for anyone but its booker and approvers when `hide_from_strangers`.
  Result<std::pair<Booking, Lab>> visible(const Actor& actor, const std::string& id, bool* approver,
                                          bool hide_from_strangers);

  Database& db_;
  CommitDurability& durable_;
  const LabAccess& access_;
  SlotSeats& seats_;
  FeatureFlags& features_;
  Clock clock_;
};

}  // namespace deltalabs::labs
