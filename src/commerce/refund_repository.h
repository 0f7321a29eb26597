#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "commerce/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::commerce {

// Rows of refunds. A refund is reserved (requested) before a processor is
// asked and settled after it answered (migration 0020); the item's own
// refunded flag and the order's refunded amount change only when it settles.
class RefundRepository {
 public:
  // Reserves the refund of `item` for what was paid for it; false when the
  // item has a refund already (requested or succeeded).
  static Result<bool> reserve(Connection& c, const Order& order, const OrderItem& item,
                              const std::string& reason,
                              const std::optional<std::string>& actor_id);
  // Settles one requested refund: it succeeded, its item is refunded and the
  // order's refunded amount raised; false when the refund or its item moved
  // meanwhile or the order would give back more than was paid.
  static Result<bool> settle(Connection& c, const Order& order, const Refund& refund);
  // Deletes the order's requested refunds (the processor refused them).
  static Status drop_requested(Connection& c, const std::string& order_id);
};

}  // namespace deltalabs::commerce
