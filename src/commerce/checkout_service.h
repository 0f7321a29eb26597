#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "catalog/course_service.h"
#include "commerce/model.h"
#include "commerce/payment_provider.h"
#include "core/actor.h"
#include "core/result.h"
#include "storage/commit_durability.h"
#include "storage/database.h"

namespace deltalabs::commerce {

// A payment hold for a paid lab booking: one order with one lab_booking item.
struct HoldRequest {
  std::string user_id;
  std::string lab_booking_id;
  std::string title;
  std::int64_t quantity = 1;  // seats
  std::int64_t unit_price_minor = 0;
  std::string currency;
};

// Turns the buyer's open cart into an order, in one transaction: re-prices
// every line (current course and resource prices, the buyer's approved
// financial aid for a course, a coupon), takes resource stock, counts the
// coupon redemption (exact under concurrency), writes the order, its items
// and its payment, and closes the cart. A zero total, or what the offline
// provider settles at once, is paid in the same transaction with the
// enrollments (source order). A card payment is asked for after that commit
// and settled in a second transaction (or later by a webhook). A buyer holds
// at most one open order per course: 409 ORDER_PENDING names it.
//
// Idempotency: the pipeline replays the first answer to a repeated
// Idempotency-Key; the order also stores the key (unique per user), so a
// retry after a crash between the commit and the stored answer finds the
// order instead of buying twice. Every answer waits until its commit is
// durable (CommitDurability: group fsync on SQLite).
class CheckoutService {
 public:
  CheckoutService(Database& db, CommitDurability& durable, catalog::CourseService& courses,
                  std::map<std::string, PaymentProvider*> providers)
      : db_(db), durable_(durable), courses_(courses), providers_(std::move(providers)) {}

  // Checks out the actor's cart; 409 CART_EMPTY, OUT_OF_STOCK,
  // COURSE_NOT_PUBLISHED, MIXED_CURRENCIES, COUPON_EXHAUSTED,
  // COUPON_LIMIT_REACHED, ALREADY_ENROLLED, ORDER_PENDING; 422 COUPON_INVALID,
  // PAYMENT_REJECTED; 503 CARD_PROCESSOR_UNAVAILABLE (the order stays
  // pending; a retry under the same key asks the processor again),
  // CARD_PROCESSOR_MISCONFIGURED; 400 for an unknown provider or a card
  // payment without payment_method.
  Result<Order> checkout(const Actor& actor, const CheckoutInput& input);
  // Inside the caller's (booking) transaction: a pending order for the lab
  // booking with one item and a pending bank transfer (offline provider),
  // settled by an administrator's mark-paid; returns the order id.
  static Result<std::string> place_hold(Connection& c, const HoldRequest& hold);
  // Inside the caller's transaction: cancels the booking's pending order and
  // fails its payment, if it has one (the hold ended unpaid).
  static Status cancel_hold(Connection& c, const std::string& lab_booking_id);

 private:
  Result<Order> place(Connection& c, const Actor& actor, const CheckoutInput& input,
                      PaymentProvider& provider);
  Result<Order> charge_outside(const Order& order, const CheckoutInput& input,
                               PaymentProvider& provider);
  // The external provider a pending order still waits for (no answer from
  // it yet), or nullptr.
  PaymentProvider* awaiting_processor(const Order& order) const;
  // What the checkout answers when the processor gave no usable answer: the
  // order stays pending when nothing is known (503), and is cancelled with
  // its lines back in the cart when the processor refused the request (422
  // PAYMENT_REJECTED, 503 CARD_PROCESSOR_MISCONFIGURED).
  Result<Order> refused(const Order& order, Error error);

  Database& db_;
  CommitDurability& durable_;
  catalog::CourseService& courses_;
  std::map<std::string, PaymentProvider*> providers_;
};

}  // namespace deltalabs::commerce
