#pragma once

#include <map>
#include <string>

#include "commerce/payment_provider.h"

namespace deltalabs::commerce {

// Where the card processor is and the secrets shared with it.
struct CardSettings {
  std::string api_url;  // e.g. https://api.stripe.com; empty = card payments off
  std::string api_key;
  std::string webhook_secret;
  int webhook_tolerance_s = 300;
};

// The card processor adapter: a Stripe-compatible HTTP API over libcurl.
// charge() creates and confirms a PaymentIntent (POST /v1/payment_intents,
// form-encoded, Bearer key, Idempotency-Key so a retried call charges once);
// a 402 card error is a decline (failed), "processing" or "requires_action"
// is pending (the webhook settles it). refund() posts /v1/refunds for the
// PaymentIntent. Transport failures and 5xx answers are 503 errors.
class CardProvider final : public PaymentProvider {
 public:
  explicit CardProvider(CardSettings settings) : settings_(std::move(settings)) {}

  std::string_view name() const override { return "card"; }
  bool external() const override { return true; }
  Result<ChargeOutcome> charge(const ChargeRequest& request) override;
  Status refund(const RefundRequest& request) override;

 private:
  CardSettings settings_;
};

}  // namespace deltalabs::commerce
