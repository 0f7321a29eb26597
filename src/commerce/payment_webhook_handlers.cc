#include "commerce/payment_webhook_handlers.h"

#include "commerce/commerce_json.h"

namespace deltalabs::commerce {

void register_webhook_routes(http::Router& router, PaymentWebhookService& webhooks) {
  router.add(
      {.method = http::Method::kPost,
       .path = "/v1/payments/webhook",
       .handler = [&webhooks](http::Request& req) -> Result<http::Response> {
         DL_ASSIGN_OR_RETURN(
             WebhookReceipt r,
             webhooks.receive(std::string(req.body), std::string(req.header("Stripe-Signature"))));
         return http::Response::json(200, webhook_receipt_shape().render(r));
       },
       .summary = "The card processor's events (Stripe-compatible JSON), signed in the "
                  "Stripe-Signature header: t=<unix seconds>,v1=<hex HMAC-SHA256 of t.payload>. "
                  "Each event id is applied once; late or out-of-order events change nothing.",
       .tag = "Commerce",
       .access = http::Access::kPublic,
       .responses = {200, 400, 503},
       .returns = http::schema::ref(webhook_receipt_shape())});
}

}  // namespace deltalabs::commerce
