#pragma once

#include <string>

#include <boost/json/fwd.hpp>

#include "commerce/card_provider.h"
#include "commerce/lab_booking_settlement.h"
#include "commerce/model.h"
#include "core/result.h"
#include "storage/commit_durability.h"
#include "storage/database.h"

namespace deltalabs::commerce {

// What the webhook endpoint answers.
struct WebhookReceipt {
  std::string event_id;
  bool duplicate = false;  // seen before: nothing was done again
  bool applied = false;    // it moved a payment (and its order)
};

// Receives the card processor's webhooks (POST /v1/payments/webhook).
//  - The `Stripe-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of
//    "t.payload" with the webhook secret>`) must match, compared in constant
//    time, and t must be within the tolerance window: 400 otherwise.
//  - Each event id is stored once (payment_events); a replay answers
//    duplicate and changes nothing.
//  - payment_intent.succeeded settles a pending payment (order paid,
//    enrollments), payment_intent.payment_failed fails it (order cancelled,
//    stock and coupon back). charge.refunded applies a refund made at the
//    processor (its amount_refunded is the running total): refunds of ours
//    still requested settle, and the rest refunds the items it adds up to
//    (OrderRefunds::apply_processor_refund), never more than was paid; one
//    that matches no items is stored, logged and not applied. An event for a
//    payment that is no longer pending
//    (a late or out-of-order event) is stored and changes nothing: settled
//    payments never move back. Other event types are stored only.
class PaymentWebhookService {
 public:
  // `lab_bookings` cancels lab bookings whose payment the processor refunded.
  PaymentWebhookService(Database& db, CommitDurability& durable, CardSettings settings,
                        LabBookingSettlement& lab_bookings)
      : db_(db), durable_(durable), settings_(std::move(settings)), labs_(&lab_bookings) {}

  // Checks and applies one webhook delivery.
  Result<WebhookReceipt> receive(const std::string& payload, const std::string& signature);

 private:
  Status verify(const std::string& payload, const std::string& signature) const;
  // Applies a charge.refunded event to the order it names; false when nothing applied.
  Result<bool> apply_refund(Connection& c, const Order& order, const boost::json::value& event);

  Database& db_;
  CommitDurability& durable_;
  CardSettings settings_;
  LabBookingSettlement* labs_;
};

}  // namespace deltalabs::commerce
