#include "commerce/order_refunds.h"

#include <algorithm>
#include <boost/json.hpp>
#include <numeric>

#include "commerce/cart_repository.h"
#include "commerce/order_repository.h"
#include "commerce/refund_repository.h"
#include "commerce/status_transitions.h"
#include "content/course_material_service.h"
#include "learning/enrollment_service.h"
#include "platform/notification_log.h"

namespace deltalabs::commerce {

namespace {

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
  return content::CourseMaterialService::return_stock(c, item.item_id, item.quantity);
}

const OrderItem* item_of(const Order& order, const std::string& item_id) {
  auto found = std::find_if(order.items.begin(), order.items.end(),
                            [&](const OrderItem& i) { return i.id == item_id; });
  return found == order.items.end() ? nullptr : &*found;
}

bool has_refund(const Order& order, const std::string& item_id) {
  return std::any_of(order.refunds.begin(), order.refunds.end(),
                     [&](const Refund& r) { return r.order_item_id == item_id; });
}

std::int64_t total_of(const std::vector<OrderItem>& items) {
  return std::accumulate(items.begin(), items.end(), std::int64_t{0},
                         [](std::int64_t sum, const OrderItem& i) { return sum + i.total_minor; });
}

// Items whose totals add up to `amount` exactly: all of them, the ones
// named, or (for a few items) the first subset found; empty when none do.
std::vector<OrderItem> items_adding_up(const std::vector<OrderItem>& open, std::int64_t amount,
                                       const std::vector<std::string>& named) {
  std::vector<OrderItem> chosen;
  for (const auto& item : open) {
    if (std::find(named.begin(), named.end(), item.id) != named.end()) chosen.push_back(item);
  }
  if (!chosen.empty() && total_of(chosen) == amount) return chosen;
  if (total_of(open) == amount) return open;
  constexpr std::size_t kMaxSearched = 16;  // 65,536 subsets
  if (open.size() > kMaxSearched) return {};
  for (std::uint32_t mask = 1; mask < (1U << open.size()); ++mask) {
    chosen.clear();
    for (std::size_t i = 0; i < open.size(); ++i) {
      if ((mask & (1U << i)) != 0) chosen.push_back(open[i]);
    }
    if (total_of(chosen) == amount) return chosen;
  }
  return {};
}

bool all_refunded_after(const Order& order, std::int64_t amount) {
  if (order.refunded_minor + amount != order.total_minor) return false;
  return std::all_of(order.items.begin(), order.items.end(),
                     [&](const OrderItem& i) { return i.refunded || has_refund(order, i.id); });
}

}  // namespace

Status OrderRefunds::reserve(Connection& c, const Order& order, const std::vector<OrderItem>& items,
                             const std::string& reason,
                             const std::optional<std::string>& actor_id) {
  for (const auto& item : items) {
    DL_ASSIGN_OR_RETURN(bool reserved, RefundRepository::reserve(c, order, item, reason, actor_id));
    if (!reserved) return Error::conflict("ALREADY_REFUNDED", "An item was refunded meanwhile.");
  }
  return {};
}

std::vector<Refund> OrderRefunds::requested(const Order& order) {
  std::vector<Refund> out;
  for (const auto& r : order.refunds) {
    if (r.status == "requested") out.push_back(r);
  }
  return out;
}

Result<std::int64_t> OrderRefunds::settle(Connection& c, const Order& order,
                                          LabBookingSettlement* labs) {
  const std::vector<Refund> pending = requested(order);
  if (pending.empty()) return std::int64_t{0};
  std::int64_t amount = 0;
  for (const auto& refund : pending) {
    const OrderItem* item = item_of(order, refund.order_item_id);
    DL_ASSIGN_OR_RETURN(bool settled, RefundRepository::settle(c, order, refund));
    if (item == nullptr || !settled) {
      return Error::conflict("REFUND_EXCEEDS_PAYMENT",
                             "The refund would give back more than was paid for the order.");
    }
    DL_TRY(reverse(c, *item, labs));
    amount += refund.amount_minor;
  }
  const std::string next = all_refunded_after(order, amount) ? "refunded" : "partially_refunded";
  DL_TRY(StatusTransitions::require("order", order.status, next, "ORDER_NOT_REFUNDABLE"));
  DL_ASSIGN_OR_RETURN(bool moved, OrderRepository::move(c, order.id, order.status, next));
  if (!moved) return Error::conflict("ORDER_CHANGED", "The order changed meanwhile.");
  const std::string details =
      boost::json::serialize(boost::json::object{{"order_id", order.id},
                                                 {"amount_minor", amount},
                                                 {"currency", order.currency},
                                                 {"items", pending.size()},
                                                 {"reason", pending.front().reason}});
  DL_TRY(NotificationLog::record(c, order.user_id, "order.refunded", details));
  return amount;
}

Status OrderRefunds::release(Connection& c, const Order& order) {
  return RefundRepository::drop_requested(c, order.id);
}

Result<bool> OrderRefunds::apply_processor_refund(Connection& c, const Order& order,
                                                  std::int64_t refunded_total,
                                                  const std::vector<std::string>& named_items,
                                                  LabBookingSettlement* labs) {
  if (order.status != "paid" && order.status != "partially_refunded") return false;
  if (refunded_total > order.total_minor) return false;  // never more than was paid
  std::int64_t left = refunded_total - order.refunded_minor;
  if (left <= 0) return false;
  Order now = order;
  bool applied = false;
  std::int64_t waiting = 0;
  for (const auto& r : requested(now)) waiting += r.amount_minor;
  if (waiting > 0 && waiting <= left) {  // our own refund, whose settlement was cut off
    DL_ASSIGN_OR_RETURN(std::int64_t settled, settle(c, now, labs));
    left -= settled;
    applied = true;
    DL_ASSIGN_OR_RETURN(now, OrderRepository::find(c, order.id));
    if (left == 0) return true;
  }
  std::vector<OrderItem> open;
  for (const auto& item : now.items) {
    if (!item.refunded && !has_refund(now, item.id)) open.push_back(item);
  }
  const std::vector<OrderItem> chosen = items_adding_up(open, left, named_items);
  if (chosen.empty()) return applied;
  DL_TRY(reserve(c, now, chosen, "refunded at the card processor", std::nullopt));
  DL_ASSIGN_OR_RETURN(now, OrderRepository::find(c, order.id));
  DL_TRY(settle(c, now, labs));
  return true;
}

}  // namespace deltalabs::commerce
