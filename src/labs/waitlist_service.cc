#include "labs/waitlist_service.h"

#include "core/uuid.h"
#include "labs/booking_repository.h"
#include "labs/booking_terms.h"
#include "labs/committing_refusals.h"
#include "labs/lab_repository.h"
#include "labs/slot_repository.h"
#include "labs/waitlist_repository.h"

namespace deltalabs::labs {

Result<WaitlistEntry> WaitlistService::join(const Actor& actor, const std::string& lab_id,
                                            BookingRequest request) {
  DL_TRY(features_.require_enabled(kLabsFlag));
  DL_ASSIGN_OR_RETURN(std::string slot_start, BookingTerms::slot_start(request));
  const TimePoint now = clock_();
  return durable_.after(
      committing_refusals<WaitlistEntry>(db_, [&](Connection& c) -> Result<WaitlistEntry> {
        DL_ASSIGN_OR_RETURN(auto found, SlotSeats::lock(c, canonical_id(lab_id), slot_start, now));
        auto& [lab, slot] = found;
        DL_TRY(BookingTerms::open(slot, now));
        if (request.seats > slot.capacity)
          return Error::conflict("SLOT_UNAVAILABLE", "The slot has fewer seats than requested.");
        DL_TRY(seats_.refresh(c, slot.id, lab, now));
        DL_ASSIGN_OR_RETURN(auto live, BookingRepository::live(c, slot.id, actor.user_id));
        if (live) return Error::conflict("ALREADY_BOOKED", "You have booked this slot already.");
        DL_ASSIGN_OR_RETURN(auto waiting, WaitlistRepository::of_user(c, slot.id, actor.user_id));
        if (waiting)
          return Error::conflict("ALREADY_WAITLISTED", "You are in line for this slot already.");
        DL_ASSIGN_OR_RETURN(Slot now_slot, SlotRepository::find(c, slot.id, now));
        if (now_slot.waitlisted == 0 && now_slot.seats_free >= request.seats)
          return Error::conflict("SEATS_AVAILABLE", "The seats are free: book them instead.");
        DL_ASSIGN_OR_RETURN(std::string id,
                            WaitlistRepository::append(c, slot.id, actor.user_id, request.seats));
        return WaitlistRepository::find(c, id);
      }));
}

Status WaitlistService::leave(const Actor& actor, const std::string& entry_id) {
  WaitlistEntry entry;
  Lab lab;
  {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(entry, WaitlistRepository::find(*conn, canonical_id(entry_id)));
    if (entry.user_id != actor.user_id) return Error::not_found("waitlist entry");
    DL_ASSIGN_OR_RETURN(Slot slot, SlotRepository::find(*conn, entry.availability_id, clock_()));
    DL_ASSIGN_OR_RETURN(lab, LabRepository::find(*conn, slot.lab_id));
  }
  const TimePoint now = clock_();
  return durable_.after(db_.transaction([&](Connection& c) -> Status {
    DL_TRY(SlotRepository::lock(c, entry.availability_id));
    DL_ASSIGN_OR_RETURN(WaitlistEntry current, WaitlistRepository::find(c, entry.id));
    DL_TRY(WaitlistRepository::remove(c, current));
    // The one behind may fit where the one leaving did not.
    return seats_.promote(c, current.availability_id, lab, now);
  }));
}

}  // namespace deltalabs::labs
