#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace deltalabs::commerce {

// What a provider is asked to collect for one order (or, later, one hold).
struct ChargeRequest {
  std::string order_id;
  std::string order_number;
  std::string user_id;
  std::int64_t amount_minor = 0;
  std::string currency;
  std::optional<std::string> payment_method;  // the processor's token, for card
  bool sponsored = false;                     // a sponsor covers it (offline, zero total)
  std::string idempotency_key;                // the processor dedupes retries by it
};

// What the provider answered.
struct ChargeOutcome {
  std::string status;                    // succeeded | pending | failed
  std::string method;                    // free | sponsored | bank_transfer | card
  std::optional<std::string> reference;  // the processor's id of the charge
  std::string raw_event;                 // the processor's answer, JSON text ("" for none)
  std::string failure_message;           // why it failed, for the buyer
};

// What a provider is asked to give back.
struct RefundRequest {
  std::string order_id;
  std::string item_ids;  // the order items refunded, comma-separated (processor metadata)
  std::string payment_id;
  std::optional<std::string> reference;
  std::int64_t amount_minor = 0;
  std::string currency;
  std::string idempotency_key;
};

// A way of collecting money. Checkout prices the order, then asks the
// provider named by the buyer. A provider that is not external() answers at
// once with no outside call, so checkout asks it inside the checkout
// transaction; an external one (a card processor) is asked after the order
// and its pending payment commit, and its answer (or a later signed webhook)
// moves the payment on in a second transaction. See docs/decisions/0015.
class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;
  // The name stored in orders.provider and payments.provider.
  virtual std::string_view name() const = 0;
  // True when charge() and refund() call an outside system.
  virtual bool external() const = 0;
  // Collects request.amount_minor; a decline is a ChargeOutcome with status
  // failed; errors: 503 CARD_PROCESSOR_UNAVAILABLE (nothing known, ask again),
  // 503 CARD_PROCESSOR_MISCONFIGURED, 422 PAYMENT_REJECTED (nothing charged).
  virtual Result<ChargeOutcome> charge(const ChargeRequest& request) = 0;
  // Returns money of a succeeded charge; an error when the processor refuses.
  virtual Status refund(const RefundRequest& request) = 0;
};

}  // namespace deltalabs::commerce
