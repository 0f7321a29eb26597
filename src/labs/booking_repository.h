#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/page.h"
#include "core/result.h"
#include "labs/model.h"
#include "storage/connection.h"

namespace deltalabs::labs {

// A booking about to be written: who, where, how many, in which state.
struct NewBooking {
  std::string availability_id;
  std::string user_id;
  std::int64_t seats = 1;
  std::string status;  // pending or confirmed
  bool awaiting_approval = false;
  bool awaiting_payment = false;
  std::optional<std::string> hold_expires_at;
  std::int64_t amount_minor = 0;
  std::string currency = "USD";
};

// A payment hold that ran out: which booking and how many seats it freed.
struct ExpiredHold {
  std::string booking_id;
  std::int64_t seats = 0;
};

// Rows of lab_bookings (read with their slot's times and lab).
class BookingRepository {
 public:
  // One booking; 404 BOOKING_NOT_FOUND when absent.
  static Result<Booking> find(Connection& c, const std::string& id);
  // The user's pending or confirmed booking of the slot, if any.
  static Result<std::optional<Booking>> live(Connection& c, const std::string& availability_id,
                                             const std::string& user_id);
  // A page of the user's bookings, newest first.
  static Result<Page<Booking>> of_user(Connection& c, const std::string& user_id,
                                       const PageRequest& page);
  // A page of the lab's bookings, newest first.
  static Result<Page<Booking>> of_lab(Connection& c, const std::string& lab_id,
                                      const PageRequest& page);
  // The user's pending and confirmed bookings in time order (at most `limit`).
  static Result<std::vector<Booking>> calendar(Connection& c, const std::string& user_id,
                                               int limit);
  // Inserts a booking and returns its id.
  static Result<std::string> insert(Connection& c, const NewBooking& booking, TimePoint at);
  // Marks the slot's payment holds that ran out by `now` expired.
  static Result<std::vector<ExpiredHold>> expire_holds(Connection& c,
                                                       const std::string& availability_id,
                                                       TimePoint now);
  // Slots that have a payment hold run out by `now`.
  static Result<std::vector<std::string>> slots_with_expired_holds(Connection& c, TimePoint now);
  // Records an approval (`status` confirmed, or pending while payment is due) or a rejection.
  static Status decide(Connection& c, const std::string& id, const std::string& status,
                       bool awaiting_payment, const std::string& decided_by, TimePoint at);
  // Marks the booking cancelled.
  static Status cancel(Connection& c, const std::string& id, TimePoint at);
  // Clears the payment due; confirmed unless an approval is outstanding.
  static Status settle_payment(Connection& c, const std::string& id, TimePoint at);
};

}  // namespace deltalabs::labs
