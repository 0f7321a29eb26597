#pragma once

#include "commerce/payment_provider.h"

namespace deltalabs::commerce {

// The built-in provider for money that moves outside a card processor: a
// zero total is paid at once (method free), a sponsor-covered order too
// (sponsored), anything else waits as a bank transfer until an administrator
// marks it paid (POST /v1/orders/:id/mark-paid). Refunds are recorded; the
// money goes back the way it came, outside the service.
class OfflineProvider final : public PaymentProvider {
 public:
  std::string_view name() const override { return "offline"; }
  bool external() const override { return false; }
  Result<ChargeOutcome> charge(const ChargeRequest& request) override;
  Status refund(const RefundRequest& request) override;
};

}  // namespace deltalabs::commerce
