#include "labs/booking_service.h"

#include "core/uuid.h"
#include "labs/booking_notice.h"
#include "labs/booking_repository.h"
#include "labs/committing_refusals.h"
#include "labs/host_repository.h"
#include "labs/lab_repository.h"
#include "labs/slot_repository.h"
#include "labs/waitlist_repository.h"

namespace deltalabs::labs {

Result<Booking> BookingService::book(const Actor& actor, const std::string& lab_id,
                                     BookingRequest request) {
  DL_TRY(features_.require_enabled(kLabsFlag));
  DL_ASSIGN_OR_RETURN(std::string slot_start, BookingTerms::slot_start(request));
  const TimePoint now = clock_();
  return durable_.after(committing_refusals<Booking>(db_, [&](Connection& c) -> Result<Booking> {
    DL_ASSIGN_OR_RETURN(auto found, SlotSeats::lock(c, canonical_id(lab_id), slot_start, now));
    auto& [lab, slot] = found;
    if (lab.status != "active")
      return Error::conflict("LAB_INACTIVE", "The lab takes no bookings at the moment.");
    DL_TRY(BookingTerms::open(slot, now));
    DL_TRY(seats_.refresh(c, slot.id, lab, now));
    DL_ASSIGN_OR_RETURN(auto live, BookingRepository::live(c, slot.id, actor.user_id));
    if (live) return Error::conflict("ALREADY_BOOKED", "You have booked this slot already.");
    DL_ASSIGN_OR_RETURN(bool took, SlotRepository::take_seats(c, slot.id, request.seats));
    if (!took) return Error::conflict("SLOT_UNAVAILABLE", "Not enough free seats in this slot.");
    DL_ASSIGN_OR_RETURN(Booking b,
                        seats_.place(c, lab, slot.id, actor.user_id, request.seats, now));
    // A place in line is no longer needed once the seats are booked.
    DL_ASSIGN_OR_RETURN(auto waiting, WaitlistRepository::of_user(c, slot.id, actor.user_id));
    if (waiting) DL_TRY(WaitlistRepository::remove(c, *waiting));
    return BookingTerms::seen(std::move(b), now);
  }));
}

Result<std::pair<Booking, Lab>> BookingService::visible(const Actor& actor, const std::string& id,
                                                        bool* approver, bool hide_from_strangers) {
  Booking b;
  Lab lab;
  Host host;
  {
    // Returned before the permission question, which borrows a connection of its own.
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(b, BookingRepository::find(*conn, canonical_id(id)));
    DL_ASSIGN_OR_RETURN(lab, LabRepository::find(*conn, b.lab_id));
    DL_ASSIGN_OR_RETURN(host, HostRepository::find(*conn, lab.host_id));
  }
  DL_ASSIGN_OR_RETURN(*approver, access_.approves(actor, host, lab));
  if (!*approver && b.user_id != actor.user_id && hide_from_strangers)
    return Error::not_found("booking");
  return std::pair<Booking, Lab>{std::move(b), std::move(lab)};
}

Result<Page<Booking>> BookingService::list(const Actor& actor,
                                           const std::optional<std::string>& lab_id,
                                           const PageRequest& page) {
  const TimePoint now = clock_();
  Page<Booking> result;
  if (lab_id) {
    Lab lab;
    Host host;
    {
      DL_ASSIGN_OR_RETURN(auto conn, db_.read());
      DL_ASSIGN_OR_RETURN(lab, LabRepository::find(*conn, canonical_id(*lab_id)));
      DL_ASSIGN_OR_RETURN(host, HostRepository::find(*conn, lab.host_id));
    }
    DL_ASSIGN_OR_RETURN(bool allowed, access_.approves(actor, host, lab));
    if (!allowed)
      return Error::forbidden("Only the lab's host, managers and approvers see its bookings.");
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(result, BookingRepository::of_lab(*conn, lab.id, page));
  } else {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(result, BookingRepository::of_user(*conn, actor.user_id, page));
  }
  for (auto& b : result.items) b = BookingTerms::seen(std::move(b), now);
  return result;
}

Result<Booking> BookingService::get(const Actor& actor, const std::string& id) {
  bool approver = false;
  DL_ASSIGN_OR_RETURN(auto found, visible(actor, id, &approver, true));
  return BookingTerms::seen(std::move(found.first), clock_());
}

Result<Booking> BookingService::approve(const Actor& actor, const std::string& id) {
  return decide(actor, id, true);
}

Result<Booking> BookingService::reject(const Actor& actor, const std::string& id) {
  return decide(actor, id, false);
}

Result<Booking> BookingService::decide(const Actor& actor, const std::string& id, bool approve) {
  bool approver = false;
  DL_ASSIGN_OR_RETURN(auto found, visible(actor, id, &approver, false));
  if (!approver)
    return Error::forbidden(
        "Only the lab's host, its managers and holders of labs:approve decide bookings.");
  const Lab& lab = found.second;
  const std::string slot_id = found.first.availability_id;
  const TimePoint now = clock_();
  return durable_.after(committing_refusals<Booking>(db_, [&](Connection& c) -> Result<Booking> {
    DL_TRY(SlotRepository::lock(c, slot_id));
    DL_TRY(seats_.refresh(c, slot_id, lab, now));
    DL_ASSIGN_OR_RETURN(Booking b, BookingRepository::find(c, found.first.id));
    if (b.status != "pending" || !b.awaiting_approval)
      return Error::conflict("BOOKING_NOT_PENDING", "The booking is not awaiting approval.");
    if (approve) {
      DL_TRY(BookingRepository::decide(c, b.id, b.awaiting_payment ? "pending" : "confirmed",
                                       b.awaiting_payment, actor.user_id, now));
    } else {
      DL_TRY(seats_.refuse_if_paid(c, b));
      DL_TRY(BookingRepository::decide(c, b.id, "rejected", false, actor.user_id, now));
      DL_TRY(seats_.close_hold(c, b));
      DL_TRY(seats_.release(c, slot_id, b.seats, lab, now));
    }
    DL_ASSIGN_OR_RETURN(Booking after, BookingRepository::find(c, b.id));
    DL_TRY(
        BookingNotice::send(c, after, approve ? "lab_booking.approved" : "lab_booking.rejected"));
    return BookingTerms::seen(std::move(after), now);
  }));
}

Result<Booking> BookingService::cancel(const Actor& actor, const std::string& id) {
  bool approver = false;
  DL_ASSIGN_OR_RETURN(auto found, visible(actor, id, &approver, true));
  const Lab& lab = found.second;
  const std::string slot_id = found.first.availability_id;
  const TimePoint now = clock_();
  return durable_.after(committing_refusals<Booking>(db_, [&](Connection& c) -> Result<Booking> {
    DL_TRY(SlotRepository::lock(c, slot_id));
    DL_TRY(seats_.refresh(c, slot_id, lab, now));
    DL_ASSIGN_OR_RETURN(Booking b, BookingRepository::find(c, found.first.id));
    if (b.status != "pending" && b.status != "confirmed")
      return Error::conflict("BOOKING_NOT_ACTIVE", "The booking holds no seats to cancel.");
    const auto start = parse_rfc3339(b.slot_start);
    if (!start || *start <= now)
      return Error::conflict("SLOT_STARTED", "The slot has started; the booking stands.");
    DL_TRY(seats_.refuse_if_paid(c, b));
    DL_TRY(BookingRepository::cancel(c, b.id, now));
    DL_TRY(seats_.close_hold(c, b));
    DL_TRY(seats_.release(c, slot_id, b.seats, lab, now));
    DL_ASSIGN_OR_RETURN(Booking after, BookingRepository::find(c, b.id));
    if (after.user_id != actor.user_id)
      DL_TRY(BookingNotice::send(c, after, "lab_booking.cancelled"));
    return after;
  }));
}

Result<std::vector<Booking>> BookingService::calendar(const Actor& actor) {
  const TimePoint now = clock_();
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(auto all, BookingRepository::calendar(*conn, actor.user_id, 1000));
  std::vector<Booking> out;
  for (auto& b : all) {
    Booking shown = BookingTerms::seen(std::move(b), now);
    if (shown.status != "expired") out.push_back(std::move(shown));
  }
  return out;
}

}  // namespace deltalabs::labs
