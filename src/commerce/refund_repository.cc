#include "commerce/refund_repository.h"

#include "commerce/commerce_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::commerce {

Result<bool> RefundRepository::reserve(Connection& c, const Order& order, const OrderItem& item,
                                       const std::string& reason,
                                       const std::optional<std::string>& actor_id) {
  DL_ASSIGN_OR_RETURN(
      std::int64_t inserted,
      c.execute(sql::kReserveRefund,
                {new_uuid_v7(), order.id, item.id, order.payment->id, item.total_minor,
                 order.currency, reason, actor_id, format_rfc3339(now())}));
  return inserted == 1;
}

Result<bool> RefundRepository::settle(Connection& c, const Order& order, const Refund& refund) {
  DL_ASSIGN_OR_RETURN(std::int64_t settled, c.execute(sql::kSettleRefund, {refund.id}));
  if (settled != 1) return false;
  DL_ASSIGN_OR_RETURN(std::int64_t marked,
                      c.execute(sql::kMarkItemRefunded, {refund.order_item_id}));
  if (marked != 1) return false;
  DL_ASSIGN_OR_RETURN(
      std::int64_t added,
      c.execute(sql::kAddRefunded, {order.id, refund.amount_minor, format_rfc3339(now())}));
  return added == 1;
}

Status RefundRepository::drop_requested(Connection& c, const std::string& order_id) {
  DL_TRY(c.execute(sql::kDropRequestedRefunds, {order_id}));
  return {};
}

}  // namespace deltalabs::commerce
