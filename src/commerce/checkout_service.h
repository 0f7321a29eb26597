#pragma once

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

// Turns the buyer's open cart into an order, in one transaction: re-prices
// every line (current course and resource prices, the buyer's approved
// financial aid for a course, a coupon), takes resource stock, counts the
// coupon redemption (exact under concurrency), writes the order, its items
// and its payment, and closes the cart. A zero total, or what the offline
// provider settles at once, is paid in the same transaction with the
// enrollments (source order). A card payment is asked for after that commit
// and settled in a second transaction (or later by a webhook).
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
  // COUPON_LIMIT_REACHED, ALREADY_ENROLLED; 422 COUPON_INVALID; 400 for an
  // unknown provider or a card payment without payment_method.
  Result<Order> checkout(const Actor& actor, const CheckoutInput& input);

 private:
  Result<Order> place(Connection& c, const Actor& actor, const CheckoutInput& input,
                      PaymentProvider& provider);
  Result<Order> charge_outside(const Order& order, const CheckoutInput& input,
                               PaymentProvider& provider);

  Database& db_;
  CommitDurability& durable_;
  catalog::CourseService& courses_;
  std::map<std::string, PaymentProvider*> providers_;
};

}  // namespace deltalabs::commerce
