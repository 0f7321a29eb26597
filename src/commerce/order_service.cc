#include "commerce/order_service.h"

#include <algorithm>
#include <boost/json.hpp>

#include "commerce/order_fulfilment.h"
#include "commerce/order_refunds.h"
#include "commerce/order_repository.h"
#include "commerce/status_transitions.h"
#include "core/uuid.h"
#include "platform/audit_log.h"

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

// The problem when a refund would leave another one unfinished.
Error refund_in_progress() {
  return Error::conflict("REFUND_IN_PROGRESS",
                         "Another refund of this order waits for the card processor: retry "
                         "the refund without naming items to finish it first.");
}

// True when `input` names exactly the items of the requested refunds (or none).
bool resumes(const std::vector<Refund>& pending, const RefundInput& input) {
  if (input.item_ids.empty()) return true;
  if (input.item_ids.size() != pending.size()) return false;
  return std::all_of(pending.begin(), pending.end(), [&](const Refund& r) {
    return std::any_of(input.item_ids.begin(), input.item_ids.end(),
                       [&](const std::string& id) { return canonical_id(id) == r.order_item_id; });
  });
}

Status audit_refund(Connection& c, const Actor& actor, const Order& order, const char* action,
                    std::int64_t amount, const std::string& reason) {
  const std::string details = boost::json::serialize(boost::json::object{
      {"amount_minor", amount}, {"currency", order.currency}, {"reason", reason}});
  return AuditLog::record(c, actor, {action, "order", order.id, details});
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
  PaymentProvider* processor = nullptr;
  auto reserved = db_.transaction([&](Connection& c) -> Result<Order> {
    DL_TRY(OrderRepository::lock(c, order_id));
    DL_ASSIGN_OR_RETURN(Order order, readable(c, actor, order_id));
    DL_TRY(start_refund(c, actor, order, input));
    DL_ASSIGN_OR_RETURN(order, OrderRepository::find(c, order_id));
    processor = external_provider(order);
    if (processor == nullptr) DL_TRY(finish_refund(c, actor, order));  // no outside call
    return OrderRepository::find(c, order_id);
  });
  DL_ASSIGN_OR_RETURN(Order order, durable_.after(std::move(reserved)));
  if (processor == nullptr) return order;
  return refund_outside(actor, order, *processor);
}

Status OrderService::start_refund(Connection& c, const Actor& actor, const Order& order,
                                  const RefundInput& input) {
  if (order.status != "paid" && order.status != "partially_refunded") {
    return Error::conflict("ORDER_NOT_REFUNDABLE",
                           "Only a paid order can be refunded; this one is " + order.status + ".");
  }
  const std::vector<Refund> pending = OrderRefunds::requested(order);
  if (!pending.empty()) return resumes(pending, input) ? Status{} : refund_in_progress();
  DL_ASSIGN_OR_RETURN(std::vector<OrderItem> items, refund_items(order, input));
  return OrderRefunds::reserve(c, order, items, input.reason, actor.user_id);
}

Status OrderService::finish_refund(Connection& c, const Actor& actor, const Order& order) {
  const std::vector<Refund> pending = OrderRefunds::requested(order);
  if (pending.empty()) return {};  // the processor's webhook settled them first
  DL_ASSIGN_OR_RETURN(std::int64_t amount, OrderRefunds::settle(c, order, labs_));
  return audit_refund(c, actor, order, "refund.created", amount, pending.front().reason);
}

PaymentProvider* OrderService::external_provider(const Order& order) const {
  auto found = providers_.find(order.provider);
  if (found == providers_.end() || !found->second->external()) return nullptr;
  return found->second;
}

Result<Order> OrderService::refund_outside(const Actor& actor, const Order& order,
                                           PaymentProvider& processor) {
  const std::vector<Refund> pending = OrderRefunds::requested(order);
  if (pending.empty()) return order;
  std::int64_t amount = 0;
  std::string item_ids;
  for (const auto& r : pending) {
    amount += r.amount_minor;
    item_ids += (item_ids.empty() ? "" : ",") + r.order_item_id;
  }
  // The first requested refund names the attempt, so a retry is deduped by the processor.
  Status asked = amount == 0 ? Status{}
                             : processor.refund({order.id, item_ids, order.payment->id,
                                                 order.payment->provider_reference, amount,
                                                 order.currency, "refund-" + pending.front().id});
  const bool refused = !asked.ok() && (asked.error().kind == ErrorKind::kConflict ||
                                       asked.error().kind == ErrorKind::kUnprocessable);
  // Unavailable or misconfigured: the refunds stay requested for a retry (or the webhook).
  if (!asked.ok() && !refused) return std::move(asked).error();
  auto done = db_.transaction([&](Connection& c) -> Result<Order> {
    DL_TRY(OrderRepository::lock(c, order.id));
    DL_ASSIGN_OR_RETURN(Order now_order, OrderRepository::find(c, order.id));
    if (refused) {
      DL_TRY(OrderRefunds::release(c, now_order));
      DL_TRY(audit_refund(c, actor, now_order, "refund.refused", amount, pending.front().reason));
    } else {
      DL_TRY(finish_refund(c, actor, now_order));
    }
    return OrderRepository::find(c, order.id);
  });
  DL_ASSIGN_OR_RETURN(Order after, durable_.after(std::move(done)));
  if (refused) return std::move(asked).error();
  return after;
}

}  // namespace deltalabs::commerce
