#pragma once

#include <optional>
#include <string>

#include "commerce/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::commerce {

// What happens, inside the caller's transaction, when an order's payment
// settles either way. Every path that settles a payment (checkout of a zero
// total, an administrator marking a bank transfer paid, a sponsorship
// approval, a card webhook) goes through here, so "paid" always means
// "payment succeeded and every course item enrolled".
class OrderFulfilment {
 public:
  // Payment succeeded → order paid → the buyer enrolled into each course item
  // (enrollment source `source`: order or sponsorship, carrying the order);
  // the buyer is notified (order.paid). 409 when the order or payment moved meanwhile.
  static Status settle(Connection& c, const Order& order, const std::string& source,
                       const std::optional<std::string>& raw_event);
  // Payment failed → order cancelled → stock and the coupon redemption given back;
  // the buyer is notified (order.payment_failed).
  static Status fail(Connection& c, const Order& order,
                     const std::optional<std::string>& raw_event);
};

}  // namespace deltalabs::commerce
