#include "labs/slot_seats.h"

#include "labs/booking_notice.h"
#include "labs/booking_repository.h"
#include "labs/lab_repository.h"
#include "labs/slot_repository.h"
#include "labs/waitlist_repository.h"

namespace deltalabs::labs {

Result<std::pair<Lab, Slot>> SlotSeats::lock(Connection& c, const std::string& lab_id,
                                             const std::string& slot_start, TimePoint now) {
  DL_ASSIGN_OR_RETURN(Lab lab, LabRepository::find(c, lab_id));
  DL_ASSIGN_OR_RETURN(Slot slot, SlotRepository::find_by_start(c, lab.id, slot_start, now));
  DL_TRY(SlotRepository::lock(c, slot.id));
  return std::pair<Lab, Slot>{std::move(lab), std::move(slot)};
}

Result<Booking> SlotSeats::place(Connection& c, const Lab& lab, const std::string& slot_id,
                                 const std::string& user_id, std::int64_t seats, TimePoint now) {
  DL_ASSIGN_OR_RETURN(std::string id, BookingRepository::insert(
                                          c, terms_.of(lab, slot_id, user_id, seats, now), now));
  DL_ASSIGN_OR_RETURN(Booking b, BookingRepository::find(c, id));
  if (!b.awaiting_payment) return b;
  DL_ASSIGN_OR_RETURN(b.order_id, holds_.open(c, b));
  return b;
}

Status SlotSeats::refresh(Connection& c, const std::string& slot_id, const Lab& lab,
                          TimePoint now) {
  DL_ASSIGN_OR_RETURN(auto expired, BookingRepository::expire_holds(c, slot_id, now));
  std::int64_t freed = 0;
  for (const auto& hold : expired) {
    freed += hold.seats;
    DL_TRY(holds_.close(c, hold.booking_id));
  }
  if (freed == 0) return {};
  return release(c, slot_id, freed, lab, now);
}

Status SlotSeats::release(Connection& c, const std::string& slot_id, std::int64_t seats,
                          const Lab& lab, TimePoint now) {
  DL_TRY(SlotRepository::release_seats(c, slot_id, seats));
  return promote(c, slot_id, lab, now);
}

Status SlotSeats::promote(Connection& c, const std::string& slot_id, const Lab& lab,
                          TimePoint now) {
  for (;;) {
    DL_ASSIGN_OR_RETURN(auto first, WaitlistRepository::first(c, slot_id));
    if (!first) return {};
    DL_ASSIGN_OR_RETURN(auto live, BookingRepository::live(c, slot_id, first->user_id));
    if (!live) {
      // Strictly in order: when the first in line does not fit, nobody behind them jumps ahead.
      DL_ASSIGN_OR_RETURN(bool took, SlotRepository::take_seats(c, slot_id, first->seats));
      if (!took) return {};
      DL_ASSIGN_OR_RETURN(Booking booked,
                          place(c, lab, slot_id, first->user_id, first->seats, now));
      DL_TRY(BookingNotice::send(c, booked, "lab_booking.waitlist_promoted"));
    }
    DL_TRY(WaitlistRepository::remove(c, *first));
  }
}

Status SlotSeats::refuse_if_paid(Connection& c, const Booking& b) {
  if (b.awaiting_payment || b.amount_minor == 0) return {};
  DL_ASSIGN_OR_RETURN(bool paid, holds_.is_paid(c, b.id));
  if (!paid) return {};
  return Error::conflict("BOOKING_PAID",
                         "The booking is paid: refund its order to give its seats back.");
}

Status SlotSeats::close_hold(Connection& c, const Booking& b) {
  if (!b.awaiting_payment) return {};
  return holds_.close(c, b.id);
}

}  // namespace deltalabs::labs
