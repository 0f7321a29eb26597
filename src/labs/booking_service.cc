#include "labs/booking_service.h"

#include <boost/json.hpp>

#include "core/uuid.h"
#include "labs/host_repository.h"
#include "labs/lab_repository.h"
#include "labs/slot_repository.h"
#include "labs/waitlist_repository.h"
#include "platform/notification_log.h"

namespace deltalabs::labs {

// The feature_config key an operator turns booking off with.
constexpr std::string_view kLabsFlag = "labs.enabled";

namespace {

// The stored form of a requested slot start; 400 when malformed.
Result<std::string> slot_start_of(const BookingRequest& request) {
  const auto start = parse_rfc3339(request.slot_start);
  if (!start)
    return Error::invalid("The request body is not valid.",
                          {{"slot_start", "must be an RFC 3339 timestamp"}});
  return format_rfc3339(*start);
}

bool started(const Slot& slot, TimePoint now) {
  const auto start = parse_rfc3339(slot.slot_start);
  return !start || *start <= now;
}

Error slot_started() {
  return Error::conflict("SLOT_STARTED", "The slot has started or is over; it cannot be booked.");
}

Status notify(Connection& c, const Booking& b, const std::string& kind) {
  const std::string payload =
      boost::json::serialize(boost::json::object{{"booking_id", b.id},
                                                 {"lab_id", b.lab_id},
                                                 {"lab_name", b.lab_name},
                                                 {"slot_start", b.slot_start},
                                                 {"slot_end", b.slot_end},
                                                 {"status", b.status}});
  DL_TRY(NotificationLog::record(c, b.user_id, kind, payload));
  return {};
}

// The lab and slot a request names, the slot locked for the transaction.
Result<std::pair<Lab, Slot>> locked_slot(Connection& c, const std::string& lab_id,
                                         const std::string& slot_start, TimePoint now) {
  DL_ASSIGN_OR_RETURN(Lab lab, LabRepository::find(c, lab_id));
  DL_ASSIGN_OR_RETURN(Slot slot, SlotRepository::find_by_start(c, lab.id, slot_start, now));
  DL_TRY(SlotRepository::lock(c, slot.id));
  return std::pair<Lab, Slot>{std::move(lab), std::move(slot)};
}

// The answers a booking write gives after it has looked at the slot: they
// leave the database consistent, so the transaction still commits what it
// did on the way (holds it expired, waitlisted users it booked). Any other
// error rolls back.
bool is_refusal(const Error& e) {
  static const char* const kRefusals[] = {
      "SLOT_UNAVAILABLE", "ALREADY_BOOKED",      "ALREADY_WAITLISTED",
      "SEATS_AVAILABLE",  "BOOKING_NOT_PENDING", "BOOKING_NOT_ACTIVE",
      "SLOT_STARTED",     "LAB_INACTIVE",        "BOOKING_PAID"};
  if (e.kind != ErrorKind::kConflict || !e.cause.empty()) return false;
  for (const char* code : kRefusals)
    if (e.code == code) return true;
  return false;
}

// Runs fn(Connection&) -> Result<T> in one transaction that commits when fn
// succeeds or refuses (is_refusal), and answers fn's result.
template <class T, class F>
Result<T> committing_refusals(Database& db, F&& fn) {
  std::optional<Error> refused;
  auto done = db.transaction([&](Connection& c) -> Result<std::optional<T>> {
    refused.reset();
    Result<T> r = fn(c);
    if (r.ok()) return std::optional<T>(std::move(r).value());
    if (!is_refusal(r.error())) return std::move(r).error();
    refused = std::move(r).error();
    return std::optional<T>{};
  });
  if (!done.ok()) return std::move(done).error();
  if (refused) return std::move(*refused);
  return std::move(**done);
}

}  // namespace

Booking BookingService::seen(Booking b, TimePoint now) const {
  if (b.status == "pending" && b.awaiting_payment && b.hold_expires_at) {
    const auto until = parse_rfc3339(*b.hold_expires_at);
    if (until && *until <= now) b.status = "expired";
  }
  return b;
}

NewBooking BookingService::terms(const Lab& lab, const std::string& slot_id,
                                 const std::string& user_id, std::int64_t seats,
                                 TimePoint now) const {
  NewBooking nb;
  nb.availability_id = slot_id;
  nb.user_id = user_id;
  nb.seats = seats;
  nb.awaiting_approval = lab.requires_approval;
  nb.amount_minor = lab.price_amount_minor * seats;
  nb.currency = lab.currency;
  // A paid booking holds its seats until the hold runs out; commerce's
  // order for it settles the payment through settle_payment().
  nb.awaiting_payment = nb.amount_minor > 0;
  if (nb.awaiting_payment) nb.hold_expires_at = format_rfc3339(now + options_.payment_hold);
  nb.status = nb.awaiting_approval || nb.awaiting_payment ? "pending" : "confirmed";
  return nb;
}

Status BookingService::refresh(Connection& c, const std::string& slot_id, const Lab& lab,
                               TimePoint now) {
  DL_ASSIGN_OR_RETURN(auto expired, BookingRepository::expire_holds(c, slot_id, now));
  std::int64_t freed = 0;
  for (const auto& hold : expired) {
    freed += hold.seats;
    if (holds_) DL_TRY(holds_->close(c, hold.booking_id));
  }
  if (freed == 0) return {};
  return release(c, slot_id, freed, lab, now);
}

Status BookingService::release(Connection& c, const std::string& slot_id, std::int64_t seats,
                               const Lab& lab, TimePoint now) {
  DL_TRY(SlotRepository::release_seats(c, slot_id, seats));
  return promote(c, slot_id, lab, now);
}

Status BookingService::promote(Connection& c, const std::string& slot_id, const Lab& lab,
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
                          insert(c, terms(lab, slot_id, first->user_id, first->seats, now), now));
      DL_TRY(notify(c, booked, "lab_booking.waitlist_promoted"));
    }
    DL_TRY(WaitlistRepository::remove(c, *first));
  }
}

Result<Booking> BookingService::book(const Actor& actor, const std::string& lab_id,
                                     BookingRequest request) {
  if (features_) DL_TRY(features_->require_enabled(kLabsFlag));
  DL_ASSIGN_OR_RETURN(std::string slot_start, slot_start_of(request));
  const TimePoint now = clock_();
  return durable_.after(committing_refusals<Booking>(db_, [&](Connection& c) -> Result<Booking> {
    DL_ASSIGN_OR_RETURN(auto found, locked_slot(c, canonical_id(lab_id), slot_start, now));
    auto& [lab, slot] = found;
    if (lab.status != "active")
      return Error::conflict("LAB_INACTIVE", "The lab takes no bookings at the moment.");
    if (started(slot, now)) return slot_started();
    DL_TRY(refresh(c, slot.id, lab, now));
    DL_ASSIGN_OR_RETURN(auto live, BookingRepository::live(c, slot.id, actor.user_id));
    if (live) return Error::conflict("ALREADY_BOOKED", "You have booked this slot already.");
    DL_ASSIGN_OR_RETURN(bool took, SlotRepository::take_seats(c, slot.id, request.seats));
    if (!took) return Error::conflict("SLOT_UNAVAILABLE", "Not enough free seats in this slot.");
    DL_ASSIGN_OR_RETURN(Booking b,
                        insert(c, terms(lab, slot.id, actor.user_id, request.seats, now), now));
    // A place in line is no longer needed once the seats are booked.
    DL_ASSIGN_OR_RETURN(auto waiting, WaitlistRepository::of_user(c, slot.id, actor.user_id));
    if (waiting) DL_TRY(WaitlistRepository::remove(c, *waiting));
    return seen(std::move(b), now);
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
  for (auto& b : result.items) b = seen(std::move(b), now);
  return result;
}

Result<Booking> BookingService::get(const Actor& actor, const std::string& id) {
  bool approver = false;
  DL_ASSIGN_OR_RETURN(auto found, visible(actor, id, &approver, true));
  return seen(std::move(found.first), clock_());
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
    DL_TRY(refresh(c, slot_id, lab, now));
    DL_ASSIGN_OR_RETURN(Booking b, BookingRepository::find(c, found.first.id));
    if (b.status != "pending" || !b.awaiting_approval)
      return Error::conflict("BOOKING_NOT_PENDING", "The booking is not awaiting approval.");
    if (approve) {
      DL_TRY(BookingRepository::decide(c, b.id, b.awaiting_payment ? "pending" : "confirmed",
                                       b.awaiting_payment, actor.user_id, now));
    } else {
      DL_TRY(refuse_if_paid(c, b));
      DL_TRY(BookingRepository::decide(c, b.id, "rejected", false, actor.user_id, now));
      DL_TRY(close_hold(c, b));
      DL_TRY(release(c, slot_id, b.seats, lab, now));
    }
    DL_ASSIGN_OR_RETURN(Booking after, BookingRepository::find(c, b.id));
    DL_TRY(notify(c, after, approve ? "lab_booking.approved" : "lab_booking.rejected"));
    return seen(std::move(after), now);
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
    DL_TRY(refresh(c, slot_id, lab, now));
    DL_ASSIGN_OR_RETURN(Booking b, BookingRepository::find(c, found.first.id));
    if (b.status != "pending" && b.status != "confirmed")
      return Error::conflict("BOOKING_NOT_ACTIVE", "The booking holds no seats to cancel.");
    const auto start = parse_rfc3339(b.slot_start);
    if (!start || *start <= now)
      return Error::conflict("SLOT_STARTED", "The slot has started; the booking stands.");
    DL_TRY(refuse_if_paid(c, b));
    DL_TRY(BookingRepository::cancel(c, b.id, now));
    DL_TRY(close_hold(c, b));
    DL_TRY(release(c, slot_id, b.seats, lab, now));
    DL_ASSIGN_OR_RETURN(Booking after, BookingRepository::find(c, b.id));
    if (after.user_id != actor.user_id) DL_TRY(notify(c, after, "lab_booking.cancelled"));
    return after;
  }));
}

Result<WaitlistEntry> BookingService::join_waitlist(const Actor& actor, const std::string& lab_id,
                                                    BookingRequest request) {
  if (features_) DL_TRY(features_->require_enabled(kLabsFlag));
  DL_ASSIGN_OR_RETURN(std::string slot_start, slot_start_of(request));
  const TimePoint now = clock_();
  return durable_.after(
      committing_refusals<WaitlistEntry>(db_, [&](Connection& c) -> Result<WaitlistEntry> {
        DL_ASSIGN_OR_RETURN(auto found, locked_slot(c, canonical_id(lab_id), slot_start, now));
        auto& [lab, slot] = found;
        if (started(slot, now)) return slot_started();
        if (request.seats > slot.capacity)
          return Error::conflict("SLOT_UNAVAILABLE", "The slot has fewer seats than requested.");
        DL_TRY(refresh(c, slot.id, lab, now));
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

Status BookingService::leave_waitlist(const Actor& actor, const std::string& entry_id) {
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
    return promote(c, current.availability_id, lab, now);
  }));
}

Result<std::vector<Booking>> BookingService::calendar(const Actor& actor) {
  const TimePoint now = clock_();
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(auto all, BookingRepository::calendar(*conn, actor.user_id, 1000));
  std::vector<Booking> out;
  for (auto& b : all) {
    Booking shown = seen(std::move(b), now);
    if (shown.status != "expired") out.push_back(std::move(shown));
  }
  return out;
}

Status BookingService::settle_payment(Connection& c, const std::string& booking_id) {
  const TimePoint now = clock_();
  DL_ASSIGN_OR_RETURN(Booking b, BookingRepository::find(c, canonical_id(booking_id)));
  DL_ASSIGN_OR_RETURN(Lab lab, LabRepository::find(c, b.lab_id));
  DL_TRY(SlotRepository::lock(c, b.availability_id));
  DL_TRY(refresh(c, b.availability_id, lab, now));
  DL_ASSIGN_OR_RETURN(b, BookingRepository::find(c, b.id));
  if (b.status != "pending" || !b.awaiting_payment)
    return Error::conflict("BOOKING_NOT_PAYABLE", "The booking awaits no payment.");
  return BookingRepository::settle_payment(c, b.id, now);
}

Result<Booking> BookingService::insert(Connection& c, const NewBooking& nb, TimePoint now) {
  DL_ASSIGN_OR_RETURN(std::string id, BookingRepository::insert(c, nb, now));
  DL_ASSIGN_OR_RETURN(Booking b, BookingRepository::find(c, id));
  if (!holds_ || !b.awaiting_payment) return b;
  DL_ASSIGN_OR_RETURN(b.order_id, holds_->open(c, b));
  return b;
}

Status BookingService::refuse_if_paid(Connection& c, const Booking& b) {
  if (!holds_ || b.awaiting_payment || b.amount_minor == 0) return {};
  DL_ASSIGN_OR_RETURN(bool paid, holds_->is_paid(c, b.id));
  if (!paid) return {};
  return Error::conflict("BOOKING_PAID",
                         "The booking is paid: refund its order to give its seats back.");
}

Status BookingService::close_hold(Connection& c, const Booking& b) {
  if (!holds_ || !b.awaiting_payment) return {};
  return holds_->close(c, b.id);
}

Status BookingService::cancel_refunded(Connection& c, const std::string& booking_id) {
  const TimePoint now = clock_();
  DL_ASSIGN_OR_RETURN(Booking b, BookingRepository::find(c, canonical_id(booking_id)));
  DL_ASSIGN_OR_RETURN(Lab lab, LabRepository::find(c, b.lab_id));
  DL_TRY(SlotRepository::lock(c, b.availability_id));
  DL_TRY(refresh(c, b.availability_id, lab, now));
  DL_ASSIGN_OR_RETURN(b, BookingRepository::find(c, b.id));
  if (b.status != "pending" && b.status != "confirmed") return {};
  DL_TRY(BookingRepository::cancel(c, b.id, now));
  DL_TRY(release(c, b.availability_id, b.seats, lab, now));
  DL_ASSIGN_OR_RETURN(Booking after, BookingRepository::find(c, b.id));
  return notify(c, after, "lab_booking.cancelled");
}

Result<std::int64_t> BookingService::expire_holds() {
  const TimePoint now = clock_();
  std::vector<std::string> slots;
  {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(slots, BookingRepository::slots_with_expired_holds(*conn, now));
  }
  for (const auto& slot_id : slots) {
    Status swept = db_.transaction([&](Connection& c) -> Status {
      DL_TRY(SlotRepository::lock(c, slot_id));
      DL_ASSIGN_OR_RETURN(Slot slot, SlotRepository::find(c, slot_id, now));
      DL_ASSIGN_OR_RETURN(Lab lab, LabRepository::find(c, slot.lab_id));
      return refresh(c, slot_id, lab, now);
    });
    if (!swept.ok()) return std::move(swept).error();
  }
  return static_cast<std::int64_t>(slots.size());
}

}  // namespace deltalabs::labs
