#include "commerce/order_service.h"

#include <algorithm>
#include <boost/json.hpp>

#include "commerce/cart_repository.h"
#include "commerce/order_fulfilment.h"
#include "commerce/order_repository.h"
#include "commerce/status_transitions.h"
#include "core/uuid.h"
#include "learning/enrollment_service.h"
#include "platform/audit_log.h"
#include "platform/notification_log.h"

namespace deltalabs::commerce {

namespace {

constexpr const char* kManage = "orders:manage";

// The items a refund covers: those named, or every unrefunded one.
Result<std::vector<OrderItem>> refund_items(const Order& order, const RefundInput& input) {
  std::vector<OrderItem> out;
  for (const auto& item : order.items) {
    const bool named =
        input.item_ids.empty() ||
        std::find(input.item_ids.begin(), input.item_ids.end(), item.id) != input.item_ids.end();
    if (!named) continue;
    if (item.refunded && !input.item_ids.empty())
      return Error::conflict("ALREADY_REFUNDED", "An item named was refunded already.");
    if (!item.refunded) out.push_back(item);
  }
  for (const auto& id : input.item_ids) {
    const bool known = std::any_of(order.items.begin(), order.items.end(),
                                   [&](const OrderItem& i) { return i.id == canonical_id(id); });
    if (!known)
      return Error::unprocessable("ORDER_ITEM_UNKNOWN", "Item " + id + " is not in this order.");
  }
  if (out.empty()) return Error::conflict("ALREADY_REFUNDED", "The order is refunded already.");
  return out;
}

// Undoes what an item gave: its enrollment, its lab booking's seats, or its resource stock.
Status reverse(Connection& c, const OrderItem& item, LabBookingSettlement* labs) {
  if (item.item_type == "course") {
    if (item.enrollment_id)
      return learning::EnrollmentService::cancel_within(c, *item.enrollment_id);
    return {};
  }
  if (item.item_type == "lab_booking") {
    if (!labs) return Error::internal("lab booking settlement is not attached");
    return labs->refunded(c, item.item_id);
  }
  return CartRepository::return_stock(c, item.item_id, item.quantity);
}

}  // namespace

Result<Page<Order>> OrderService::list_mine(const Actor& actor, const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return OrderRepository::list_of_user(*conn, actor.user_id, page);
}

Result<Order> OrderService::get(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return readable(*conn, actor, id);
}

Result<Order> OrderService::readable(Connection& c, const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(Order order, OrderRepository::find(c, canonical_id(id)));
  if (order.user_id == actor.user_id) return order;
  DL_ASSIGN_OR_RETURN(bool manager, authz_.allows(actor, kManage));
  if (!manager) return Error::not_found("order");
  return order;
}

Result<Order> OrderService::mark_paid(const Actor& actor, const std::string& id) {
  DL_TRY(authz_.require(actor, kManage));
  std::optional<Error> refused;
  auto done = db_.transaction([&](Connection& c) -> Result<Order> {
    refused.reset();
    DL_TRY(OrderRepository::lock(c, canonical_id(id)));
    DL_ASSIGN_OR_RETURN(Order order, OrderRepository::find(c, canonical_id(id)));
    if (order.status != "pending" || !order.payment || order.payment->method != "bank_transfer") {
      return Error::conflict("ORDER_NOT_PENDING",
                             "Only a pending bank transfer can be marked paid.");
    }
    Status settled = OrderFulfilment::settle(c, order, "order", std::nullopt, labs_);
    if (!settled.ok() && settled.error().code == "BOOKING_NOT_PAYABLE") {
      // The booking's hold ran out and its expiry cancelled this order just
      // now: commit that, so no money is taken for a seat that is gone.
      refused = std::move(settled).error();
      return OrderRepository::find(c, order.id);
    }
    DL_TRY(std::move(settled));
    DL_TRY(AuditLog::record(c, actor, {"order.marked_paid", "order", order.id, "{}"}));
    return OrderRepository::find(c, order.id);
  });
  auto durable = durable_.after(std::move(done));
  if (refused && durable.ok()) return std::move(*refused);
  return durable;
}

Result<Order> OrderService::refund(const Actor& actor, const std::string& id,
                                   const RefundInput& input) {
  const std::string order_id = canonical_id(id);
  auto done = db_.transaction([&](Connection& c) -> Result<Order> {
    DL_TRY(OrderRepository::lock(c, order_id));
    DL_ASSIGN_OR_RETURN(Order order, readable(c, actor, order_id));
    if (order.status != "paid" && order.status != "partially_refunded") {
      return Error::conflict(
          "ORDER_NOT_REFUNDABLE",
          "Only a paid order can be refunded; this one is " + order.status + ".");
    }
    DL_ASSIGN_OR_RETURN(std::vector<OrderItem> items, refund_items(order, input));
    std::int64_t amount = 0;
    for (const auto& item : items) {
      DL_ASSIGN_OR_RETURN(
          bool refunded, OrderRepository::refund_item(c, order, item, input.reason, actor.user_id));
      if (!refunded) return Error::conflict("ALREADY_REFUNDED", "An item was refunded meanwhile.");
      DL_TRY(reverse(c, item, labs_));
      amount += item.total_minor;
    }
    const bool all =
        order.refunded_minor + amount == order.total_minor &&
        std::all_of(order.items.begin(), order.items.end(), [&](const OrderItem& i) {
          return i.refunded || std::any_of(items.begin(), items.end(),
                                           [&](const OrderItem& r) { return r.id == i.id; });
        });
    const std::string next = all ? "refunded" : "partially_refunded";
    DL_TRY(StatusTransitions::require("order", order.status, next, "ORDER_NOT_REFUNDABLE"));
    DL_ASSIGN_OR_RETURN(bool moved, OrderRepository::move(c, order.id, order.status, next));
    if (!moved) return Error::conflict("ORDER_CHANGED", "The order changed meanwhile.");
    auto provider = providers_.find(order.provider);
    if (provider != providers_.end() && amount > 0) {
      DL_TRY(provider->second->refund({order.payment->id, order.payment->provider_reference, amount,
                                       order.currency,
                                       "refund-" + order.id + "-" + items.front().id}));
    }
    const std::string details =
        boost::json::serialize(boost::json::object{{"amount_minor", amount},
                                                   {"currency", order.currency},
                                                   {"items", items.size()},
                                                   {"reason", input.reason}});
    DL_TRY(AuditLog::record(c, actor, {"refund.created", "order", order.id, details}));
    DL_TRY(NotificationLog::record(c, order.user_id, "order.refunded", details));
    return OrderRepository::find(c, order.id);
  });
  return durable_.after(std::move(done));
}

}  // namespace deltalabs::commerce
