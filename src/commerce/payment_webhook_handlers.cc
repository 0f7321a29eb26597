#include "commerce/payment_webhook_handlers.h"

#include "commerce/commerce_shapes.h"
#include "http/route_group.h"

namespace deltalabs::commerce {

namespace {

// The envelope of a Stripe-compatible event, as far as the server reads it;
// other members are kept with the stored event and otherwise ignored.
const http::NamedSchema& webhook_event_schema() {
  static const http::NamedSchema schema(
      "PaymentWebhookEvent",
      {{{"type", "object"},
        {"required", {"id", "type", "created"}},
        {"properties",
         {{"id", {{"type", "string"}, {"description", "The event id; applied once"}}},
          {"type",
           {{"type", "string"},
            {"description",
             "e.g. payment_intent.succeeded, payment_intent.payment_failed; other types are "
             "stored and change nothing"}}},
          {"created", {{"type", "integer"}, {"description", "Unix seconds"}}},
          {"data",
           {{"type", "object"},
            {"properties",
             {{"object",
               {{"type", "object"},
                {"properties",
                 {{"id", {{"type", "string"}, {"description", "The processor's reference"}}},
                  {"metadata",
                   {{"type", "object"},
                    {"properties",
                     {{"order_id", {{"type", "string"}, {"format", "uuid"}}}}}}}}}}}}}}}}}},
       {}});
  return schema;
}

}  // namespace

void register_webhook_routes(http::Router& router, PaymentWebhookService& webhooks) {
  const http::RouteGroup anyone(router, "Commerce", http::Access::kPublic);
  anyone.add(
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
                  "Each event id is applied once; late or out-of-order events change nothing. "
                  "404 CARD_PAYMENTS_DISABLED when no card processor is configured.",
       .raw_body = http::schema::ref(webhook_event_schema()),
       .responses = {200, 400, 404},
       .returns = http::schema::ref(webhook_receipt_shape())});
}

}  // namespace deltalabs::commerce
