#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "commerce/lab_booking_settlement.h"
#include "commerce/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::commerce {

// Refunds of an order's items in steps, so a processor is never called
// inside a transaction: reserve (requested refunds hold their items), ask
// the processor, then settle or release. A crash between the call and the
// settlement leaves the refunds requested: a retry of the refund, or the
// processor's charge.refunded webhook, settles them. Every step runs inside
// the caller's transaction with the order's row locked.
class OrderRefunds {
 public:
  // Reserves a refund of each item; 409 ALREADY_REFUNDED when one has one.
  static Status reserve(Connection& c, const Order& order, const std::vector<OrderItem>& items,
                        const std::string& reason, const std::optional<std::string>& actor_id);
  // The order's refunds that wait for the processor's answer.
  static std::vector<Refund> requested(const Order& order);
  // Settles every requested refund: items refunded, their enrollments
  // cancelled, stock returned or lab bookings cancelled (seats to the
  // waitlist, through `labs`), the order refunded or partially refunded and
  // the buyer notified. Returns the amount given back; 409 when a refund
  // would give back more than was paid.
  static Result<std::int64_t> settle(Connection& c, const Order& order, LabBookingSettlement* labs);
  // Gives up the order's requested refunds (the processor refused them).
  static Status release(Connection& c, const Order& order);
  // Applies a refund made at the processor, which reports `refunded_total`
  // as given back for the order so far: the requested refunds it covers
  // settle, and the rest is matched to unrefunded items whose totals add up
  // to it exactly (those named by `named_items` first). False when nothing
  // was left to apply or no items match: then nothing changes.
  static Result<bool> apply_processor_refund(Connection& c, const Order& order,
                                             std::int64_t refunded_total,
                                             const std::vector<std::string>& named_items,
                                             LabBookingSettlement* labs);
};

}  // namespace deltalabs::commerce
