#pragma once

#include "commerce/payment_webhook_service.h"
#include "http/router.h"

namespace deltalabs::commerce {

// POST /v1/payments/webhook: the card processor's signed events.
void register_webhook_routes(http::Router& router, PaymentWebhookService& webhooks);

}  // namespace deltalabs::commerce
