#include "labs/payment_hold_service.h"

#include <vector>

#include "core/uuid.h"
#include "labs/booking_notice.h"
#include "labs/booking_repository.h"
#include "labs/lab_repository.h"
#include "labs/slot_repository.h"

namespace deltalabs::labs {

Result<std::pair<Booking, Lab>> PaymentHoldService::refreshed(Connection& c,
                                                              const std::string& booking_id,
                                                              TimePoint now) {
  DL_ASSIGN_OR_RETURN(Booking b, BookingRepository::find(c, canonical_id(booking_id)));
  DL_ASSIGN_OR_RETURN(Lab lab, LabRepository::find(c, b.lab_id));
  DL_TRY(SlotRepository::lock(c, b.availability_id));
  DL_TRY(seats_.refresh(c, b.availability_id, lab, now));
  DL_ASSIGN_OR_RETURN(b, BookingRepository::find(c, b.id));
  return std::pair<Booking, Lab>{std::move(b), std::move(lab)};
}

Status PaymentHoldService::settle_payment(Connection& c, const std::string& booking_id) {
  const TimePoint now = clock_();
  DL_ASSIGN_OR_RETURN(auto found, refreshed(c, booking_id, now));
  const Booking& b = found.first;
  if (b.status != "pending" || !b.awaiting_payment)
    return Error::conflict("BOOKING_NOT_PAYABLE", "The booking awaits no payment.");
  return BookingRepository::settle_payment(c, b.id, now);
}

Status PaymentHoldService::cancel_refunded(Connection& c, const std::string& booking_id) {
  const TimePoint now = clock_();
  DL_ASSIGN_OR_RETURN(auto found, refreshed(c, booking_id, now));
  const auto& [b, lab] = found;
  if (b.status != "pending" && b.status != "confirmed") return {};
  DL_TRY(BookingRepository::cancel(c, b.id, now));
  DL_TRY(seats_.release(c, b.availability_id, b.seats, lab, now));
  DL_ASSIGN_OR_RETURN(Booking after, BookingRepository::find(c, b.id));
  return BookingNotice::send(c, after, "lab_booking.cancelled");
}

Result<std::int64_t> PaymentHoldService::expire_holds(const JobFence* fence) {
  const TimePoint now = clock_();
  std::vector<std::string> slots;
  {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(slots, BookingRepository::slots_with_expired_holds(*conn, now));
  }
  for (const auto& slot_id : slots) {
    Status swept = db_.transaction([&](Connection& c) -> Status {
      if (fence != nullptr) DL_TRY(fence->check(c));
      DL_TRY(SlotRepository::lock(c, slot_id));
      DL_ASSIGN_OR_RETURN(Slot slot, SlotRepository::find(c, slot_id, now));
      DL_ASSIGN_OR_RETURN(Lab lab, LabRepository::find(c, slot.lab_id));
      return seats_.refresh(c, slot_id, lab, now);
    });
    if (!swept.ok()) return std::move(swept).error();
  }
  return static_cast<std::int64_t>(slots.size());
}

}  // namespace deltalabs::labs
