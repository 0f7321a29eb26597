#pragma once

#include <map>
#include <string>

#include "commerce/lab_booking_settlement.h"
#include "commerce/model.h"
#include "commerce/payment_provider.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "storage/commit_durability.h"
#include "storage/database.h"

namespace deltalabs::commerce {

// Orders after checkout. Who may do what:
//  - buyers read their own orders; holders of orders:manage read any (others get 404);
//  - holders of orders:manage mark a pending bank transfer paid (the buyer is
//    then enrolled, in the same transaction);
//  - the buyer or a holder of orders:manage refunds a paid order, whole or
//    per item: each item at most once, for what was paid for it; its
//    enrollment is cancelled (seat freed) or its resource stock returned in
//    the same transaction, which is audited (refund.created). A card refund
//    is reserved, asked of the processor outside any transaction, then
//    settled (OrderRefunds); a retry finishes one that was cut off.
class OrderService {
 public:
  // `lab_bookings` confirms and cancels lab bookings bought through orders.
  OrderService(Database& db, CommitDurability& durable, const identity::AuthorizationService& authz,
               std::map<std::string, PaymentProvider*> providers,
               LabBookingSettlement& lab_bookings)
      : db_(db),
        durable_(durable),
        authz_(authz),
        providers_(std::move(providers)),
        labs_(&lab_bookings) {}

  // A page of the actor's orders, newest first.
  Result<Page<Order>> list_mine(const Actor& actor, const PageRequest& page);
  // One order the actor may read.
  Result<Order> get(const Actor& actor, const std::string& id);
  // Marks a pending bank transfer paid (orders:manage); 409 ORDER_NOT_PENDING
  // otherwise, BOOKING_NOT_PAYABLE when it pays a lab booking whose hold ran
  // out (the order is then cancelled, and that is committed).
  Result<Order> mark_paid(const Actor& actor, const std::string& id);
  // Refunds the items named (all unrefunded ones when none are);
  // 409 ORDER_NOT_REFUNDABLE, ALREADY_REFUNDED, REFUND_IN_PROGRESS or
  // REFUND_REFUSED, 422 ORDER_ITEM_UNKNOWN, 503 when the processor did not
  // answer (the refund stays requested; retry it).
  Result<Order> refund(const Actor& actor, const std::string& id, const RefundInput& input);

 private:
  Result<Order> readable(Connection& c, const Actor& actor, const std::string& id);
  // Checks that the order may be refunded and reserves the items' refunds,
  // or lets the request finish requested ones (409 REFUND_IN_PROGRESS when
  // it names other items).
  Status start_refund(Connection& c, const Actor& actor, const Order& order,
                      const RefundInput& input);
  // Settles the order's requested refunds and audits them.
  Status finish_refund(Connection& c, const Actor& actor, const Order& order);
  // The order's provider when it calls an outside system, else nullptr.
  PaymentProvider* external_provider(const Order& order) const;
  // Asks the processor for the requested refunds, then settles them (or
  // releases them when it refuses: 409 REFUND_REFUSED).
  Result<Order> refund_outside(const Actor& actor, const Order& order, PaymentProvider& processor);

  Database& db_;
  CommitDurability& durable_;
  const identity::AuthorizationService& authz_;
  std::map<std::string, PaymentProvider*> providers_;
  LabBookingSettlement* labs_;
};

}  // namespace deltalabs::commerce
