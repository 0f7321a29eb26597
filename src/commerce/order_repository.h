#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "commerce/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::commerce {

// What a new order records (its status starts pending).
struct OrderRow {
  std::string user_id;
  std::string currency;
  std::int64_t subtotal_minor = 0;
  std::int64_t discount_minor = 0;
  std::int64_t total_minor = 0;
  std::string provider;
  std::optional<std::string> coupon_id;
  std::optional<std::string> sponsorship_request_id;
  std::optional<std::string> checkout_key;
};

// Rows of orders, their items, payments and refunds. Status changes are
// conditional on the status read before, so a change someone else made
// meanwhile shows as "nothing changed" instead of being overwritten.
class OrderRepository {
 public:
  // One order with items, payment and refunds; 404 ORDER_NOT_FOUND when absent.
  static Result<Order> find(Connection& c, const std::string& id);
  // The user's order created under an Idempotency-Key, if any.
  static Result<std::optional<Order>> find_by_key(Connection& c, const std::string& user_id,
                                                  const std::string& key);
  // A page of the user's orders (without items), newest first.
  static Result<Page<Order>> list_of_user(Connection& c, const std::string& user_id,
                                          const PageRequest& page);
  // Inserts a pending order with a fresh number and returns its id.
  static Result<std::string> insert(Connection& c, const OrderRow& row);
  // Inserts one priced item and returns its id; a course item of a pending
  // checkout names its `open_buyer` (one open order per buyer and course).
  static Result<std::string> insert_item(Connection& c, const std::string& order_id,
                                         const OrderItem& item,
                                         const std::optional<std::string>& open_buyer = {});
  // The id of the buyer's open (pending) order that holds the course, if any.
  static Result<std::optional<std::string>> open_order_for_course(Connection& c,
                                                                  const std::string& user_id,
                                                                  const std::string& course_id);
  // Forgets the Idempotency-Key the order was placed under: a retry with that
  // key then checks the cart out anew.
  static Status forget_checkout_key(Connection& c, const std::string& order_id);
  // The id of the pending order that holds payment for a lab booking, if any.
  static Result<std::optional<std::string>> pending_lab_order(Connection& c,
                                                              const std::string& booking_id);
  // True when a lab booking's item belongs to a paid order and is not refunded.
  static Result<bool> lab_booking_paid(Connection& c, const std::string& booking_id);
  // Records the enrollment an item created.
  static Status set_item_enrollment(Connection& c, const std::string& item_id,
                                    const std::string& enrollment_id);
  // Moves the order from `from` to `to`; false when it is no longer `from`.
  // Leaving pending releases its items' hold on the buyer's one open order.
  static Result<bool> move(Connection& c, const std::string& id, const std::string& from,
                           const std::string& to);
  // Locks the order's row for the rest of the transaction; 404 when absent.
  static Status lock(Connection& c, const std::string& id);
  // Inserts the pending payment of order `order_id`, written as `row`
  // (provider, total, currency), and returns its id.
  static Result<std::string> insert_payment(Connection& c, const std::string& order_id,
                                            const OrderRow& row, const std::string& method);
  // Moves a payment from `from` to `to`, keeping `raw_event` when given.
  static Result<bool> move_payment(Connection& c, const std::string& id, const std::string& from,
                                   const std::string& to, const std::optional<std::string>& raw);
  // Records the processor's id of a payment and its last answer.
  static Status set_payment_reference(Connection& c, const std::string& id,
                                      const std::string& reference, const std::string& raw);
  // The payment with this processor id, if any.
  static Result<std::optional<Payment>> payment_by_reference(Connection& c,
                                                             const std::string& reference);
  // Stores a processor event once by its id; false when it was stored before.
  static Result<bool> record_payment_event(Connection& c, const std::string& event_id,
                                           const std::optional<std::string>& payment_id,
                                           const std::string& type, std::int64_t created,
                                           const std::string& payload);
};

}  // namespace deltalabs::commerce
