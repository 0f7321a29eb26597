#pragma once

#include "commerce/model.h"
#include "commerce/payment_webhook_service.h"
#include "http/json_shape.h"

namespace deltalabs::commerce {

// The API shapes of commerce objects; money is always {amount_minor, currency}.

// {id, item_type, item_id, title, quantity, unit_price, line_total, added_at}
const http::JsonShape<CartItem>& cart_item_shape();
// {id (null before the first add), status, currency, items, subtotal, item_count}
const http::JsonShape<Cart>& cart_shape();
// An order line with its price, discount, total and whether it was refunded.
const http::JsonShape<OrderItem>& order_item_shape();
// {id, provider, method, provider_reference, amount, status, created_at, updated_at}
const http::JsonShape<Payment>& payment_shape();
// {id, order_item_id, amount, reason, created_at}
const http::JsonShape<Refund>& refund_shape();
// An order with its items, payment and refunds.
const http::JsonShape<Order>& order_shape();
// A coupon and how often it was used.
const http::JsonShape<Coupon>& coupon_shape();
// {id, name, kind, organization_id, manager_id, contact_email, created_at}
const http::JsonShape<Sponsor>& sponsor_shape();
// A sponsorship request and, once approved, its order.
const http::JsonShape<SponsorshipRequest>& sponsorship_request_shape();
// A financial aid application and, once used, the order that used it.
const http::JsonShape<AidApplication>& aid_shape();
// {event_id, duplicate, applied}
const http::JsonShape<WebhookReceipt>& webhook_receipt_shape();

}  // namespace deltalabs::commerce
