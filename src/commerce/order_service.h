#pragma once

#include <map>
#include <string>

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
//    the same transaction, which is audited (refund.created).
class OrderService {
 public:
  OrderService(Database& db, CommitDurability& durable, const identity::AuthorizationService& authz,
               std::map<std::string, PaymentProvider*> providers)
      : db_(db), durable_(durable), authz_(authz), providers_(std::move(providers)) {}

  // A page of the actor's orders, newest first.
  Result<Page<Order>> list_mine(const Actor& actor, const PageRequest& page);
  // One order the actor may read.
  Result<Order> get(const Actor& actor, const std::string& id);
  // Marks a pending bank transfer paid (orders:manage); 409 ORDER_NOT_PENDING otherwise.
  Result<Order> mark_paid(const Actor& actor, const std::string& id);
  // Refunds the items named (all unrefunded ones when none are);
  // 409 ORDER_NOT_REFUNDABLE or ALREADY_REFUNDED, 422 ORDER_ITEM_UNKNOWN.
  Result<Order> refund(const Actor& actor, const std::string& id, const RefundInput& input);

 private:
  Result<Order> readable(Connection& c, const Actor& actor, const std::string& id);

  Database& db_;
  CommitDurability& durable_;
  const identity::AuthorizationService& authz_;
  std::map<std::string, PaymentProvider*> providers_;
};

}  // namespace deltalabs::commerce
