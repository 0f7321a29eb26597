#pragma once

#include <string>
#include <utility>

#include "core/actor.h"
#include "core/result.h"
#include "labs/lab_service.h"
#include "labs/model.h"
#include "labs/slot_seats.h"
#include "platform/feature_flags.h"
#include "storage/commit_durability.h"
#include "storage/database.h"

namespace deltalabs::labs {

// Waitlists of full lab slots: a signed-in user waits in line for seats
// that are taken; when seats free (a cancellation, rejection, expiry or
// someone leaving the line) the first in line is booked in the same
// transaction while their seats fit, and notified (SlotSeats::promote).
// Every write locks the slot first, and answers only once its commit is
// durable (CommitDurability, decision 0016).
class WaitlistService {
 public:
  // `features` lets an operator turn waitlists off with booking: with
  // `labs.enabled` false, new entries answer 503 FEATURE_DISABLED (leaving goes on).
  WaitlistService(Database& db, CommitDurability& durable, SlotSeats& seats, FeatureFlags& features,
                  Clock clock)
      : db_(db), durable_(durable), seats_(seats), features_(features), clock_(std::move(clock)) {}

  // Puts the actor in line for a full slot; 409 SEATS_AVAILABLE when the
  // seats could be booked now, ALREADY_BOOKED, ALREADY_WAITLISTED,
  // SLOT_UNAVAILABLE (more seats than the slot has), SLOT_STARTED.
  Result<WaitlistEntry> join(const Actor& actor, const std::string& lab_id, BookingRequest request);
  // Leaves the line (the entry's user only; 404 for anyone else).
  Status leave(const Actor& actor, const std::string& entry_id);

 private:
  Database& db_;
  CommitDurability& durable_;
  SlotSeats& seats_;
  FeatureFlags& features_;
  Clock clock_;
};

}  // namespace deltalabs::labs
