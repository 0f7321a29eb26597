#include "commerce/order_fulfilment.h"

#include <boost/json.hpp>

#include "commerce/cart_repository.h"
#include "commerce/coupon_repository.h"
#include "commerce/order_repository.h"
#include "commerce/status_transitions.h"
#include "content/course_material_service.h"
#include "learning/enrollment_service.h"
#include "platform/notification_log.h"

namespace deltalabs::commerce {

namespace {

Status notify(Connection& c, const Order& order, const char* kind) {
  const std::string payload = boost::json::serialize(boost::json::object{
      {"order_id", order.id},
      {"number", order.number},
      {"total", {{"amount_minor", order.total_minor}, {"currency", order.currency}}}});
  DL_TRY(NotificationLog::record(c, order.user_id, kind, payload));
  return {};
}

Status move_both(Connection& c, const Order& order, const std::string& payment_to,
                 const std::string& order_to, const std::optional<std::string>& raw) {
  DL_TRY(StatusTransitions::require("payment", order.payment->status, payment_to,
                                    "PAYMENT_ALREADY_SETTLED"));
  DL_TRY(StatusTransitions::require("order", order.status, order_to, "ORDER_NOT_PENDING"));
  DL_ASSIGN_OR_RETURN(bool paid, OrderRepository::move_payment(
                                     c, order.payment->id, order.payment->status, payment_to, raw));
  DL_ASSIGN_OR_RETURN(bool moved, OrderRepository::move(c, order.id, order.status, order_to));
  if (!paid || !moved)
    return Error::conflict("ORDER_CHANGED", "The order changed meanwhile; read it again.");
  return {};
}

}  // namespace

Status OrderFulfilment::settle(Connection& c, const Order& order, const std::string& source,
                               const std::optional<std::string>& raw_event,
                               LabBookingSettlement* labs) {
  // Bookings first: a hold that ran out refuses the payment before any of it is taken.
  for (const auto& item : order.items) {
    if (item.item_type != "lab_booking") continue;
    if (!labs) return Error::internal("lab booking settlement is not attached");
    DL_TRY(labs->paid(c, item.item_id));
  }
  DL_TRY(move_both(c, order, "succeeded", "paid", raw_event));
  for (const auto& item : order.items) {
    if (item.item_type != "course") continue;
    learning::EnrollmentRow row{order.user_id, item.item_id, "student",
                                source,        std::nullopt, order.id};
    DL_ASSIGN_OR_RETURN(learning::Enrollment e, learning::EnrollmentService::enroll_within(c, row));
    DL_TRY(OrderRepository::set_item_enrollment(c, item.id, e.id));
  }
  return notify(c, order, "order.paid");
}

Status OrderFulfilment::fail(Connection& c, const Order& order,
                             const std::optional<std::string>& raw_event) {
  DL_TRY(move_both(c, order, "failed", "cancelled", raw_event));
  for (const auto& item : order.items) {
    if (item.item_type == "resource")
      DL_TRY(content::CourseMaterialService::return_stock(c, item.item_id, item.quantity));
  }
  if (order.coupon_id) DL_TRY(CouponRepository::release(c, *order.coupon_id, order.id));
  return notify(c, order, "order.payment_failed");
}

}  // namespace deltalabs::commerce
