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
  int timeout_ms = 20000;  // a call that takes longer is "did not answer"
};

// The card processor adapter: a Stripe-compatible HTTP API over libcurl.
// charge() creates and confirms a PaymentIntent (POST /v1/payment_intents,
// form-encoded, Bearer key, Idempotency-Key so a retried call charges once);
// a 402 card error is a decline (failed), "processing" or "requires_action"
// is pending (the webhook settles it). refund() posts /v1/refunds for the
// PaymentIntent. Other answers are errors: 401/403 CARD_PROCESSOR_MISCONFIGURED
// (503, our key is refused), another 4xx PAYMENT_REJECTED (422) or
// REFUND_REFUSED (409) with the processor's message, and no answer, a
// timeout, 409, 429 or 5xx CARD_PROCESSOR_UNAVAILABLE (503: ask again with
// the same Idempotency-Key, which the processor dedupes).
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
