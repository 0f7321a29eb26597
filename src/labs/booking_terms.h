#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "labs/booking_repository.h"
#include "labs/model.h"

namespace deltalabs::labs {

// The feature_config key an operator turns booking and waitlists off with.
inline constexpr std::string_view kLabsFlag = "labs.enabled";

// Settings of lab bookings.
struct BookingOptions {
  // How long an unpaid booking of a paid lab holds its seats.
  std::chrono::seconds payment_hold{std::chrono::minutes(15)};
};

// The rules of a booking that need no database: which slot a request names,
// whether a slot still takes bookings, the state a new booking starts in
// and how a booking reads at a given time.
class BookingTerms {
 public:
  explicit BookingTerms(BookingOptions options) : options_(options) {}

  // The stored (RFC 3339 UTC) form of a requested slot start; 400 when malformed.
  static Result<std::string> slot_start(const BookingRequest& request);
  // OK while the slot has not started at `now`; 409 SLOT_STARTED after.
  static Status open(const Slot& slot, TimePoint now);
  // The booking as it stands at `now` (a payment hold past its time reads as expired).
  static Booking seen(Booking b, TimePoint now);
  // The state a new booking of `seats` in the lab's slot starts in: pending
  // while it awaits approval or payment (a paid one holds its seats for the
  // payment hold), confirmed otherwise.
  NewBooking of(const Lab& lab, const std::string& slot_id, const std::string& user_id,
                std::int64_t seats, TimePoint now) const;

 private:
  BookingOptions options_;
};

}  // namespace deltalabs::labs
