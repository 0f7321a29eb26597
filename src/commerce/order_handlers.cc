#include "commerce/order_handlers.h"

#include "commerce/commerce_shapes.h"
#include "http/route_group.h"

namespace deltalabs::commerce {

namespace {

const BodySchema& cart_item_body() {
  static const BodySchema schema{field::string("item_type")
                                     .one_of({"course", "resource"})
                                     .required()
                                     .into(&CartItemInput::item_type),
                                 field::uuid("item_id").required().into(&CartItemInput::item_id),
                                 field::integer("quantity")
                                     .range(1, 100)
                                     .describe("1 for a course; default 1")
                                     .into(&CartItemInput::quantity)};
  return schema;
}

const BodySchema& checkout_body() {
  static const BodySchema schema{
      field::string("provider")
          .one_of({"offline", "card"})
          .describe(
              "offline (default): zero totals are paid at once, others wait as a bank transfer; "
              "card: charged through the card processor")
          .into(&CheckoutInput::provider),
      field::string("coupon_code", 40)
          .describe("a coupon to apply")
          .into(&CheckoutInput::coupon_code),
      field::string("payment_method", 200)
          .length(1, 200)
          .describe("the card processor's payment method token")
          .into(&CheckoutInput::payment_method)};
  return schema;
}

const BodySchema& refund_body() {
  static const BodySchema schema{
      field::array("item_ids", field::uuid("item_id"), 100)
          .describe("the order items to refund; all unrefunded ones when absent")
          .into(&RefundInput::item_ids),
      field::string("reason", 1000).into(&RefundInput::reason)};
  return schema;
}

void register_cart_routes(http::Router& router, CartService& carts) {
  const http::RouteGroup g(router, "Commerce");
  g.get({.path = "/v1/cart", .summary = "My open cart with its items and subtotal"}, cart_shape(),
        http::call(carts, &CartService::get));

  g.post({.path = "/v1/cart/items",
          .summary = "Add a course or resource to my cart (answers the cart)",
          .body = http::json_body(cart_item_body()),
          .responses = {201, 404, 409}},
         cart_shape(), http::call(carts, &CartService::add, http::body_as<CartItemInput>));

  g.act({.method = http::Method::kDelete,
         .path = "/v1/cart/items/:id",
         .summary = "Remove a line from my cart (answers the cart)",
         .responses = {200, 404}},
        cart_shape(), http::call(carts, &CartService::remove, http::id));
}

}  // namespace

void register_order_routes(http::Router& router, CartService& carts, CheckoutService& checkout,
                           OrderService& orders, const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Commerce");
  register_cart_routes(router, carts);

  g.add({.method = http::Method::kPost,
         .path = "/v1/orders",
         .handler = [&checkout](http::Request& req) -> Result<http::Response> {
           CheckoutInput in = http::body_as<CheckoutInput>(req);
           in.checkout_key = std::string(req.header("Idempotency-Key"));
           DL_ASSIGN_OR_RETURN(Order o, checkout.checkout(req.caller(), in));
           http::Response created = http::Response::json(201, order_shape().render(o));
           created.header("Location", "/v1/orders/" + o.id);
           // A card payment still pending at the processor is reported
           // as it stands then on every retry, never replayed stale.
           created.replayable =
               !(o.status == "pending" && o.payment && o.payment->provider == "card");
           return created;
         },
         .summary = "Check out my cart: order, items, payment and (when paid) enrollments in one "
                    "transaction. Idempotency-Key required: the same key and body replay the first "
                    "answer, another body answers 422, a concurrent retry 409; while a card "
                    "payment is pending at the processor (or it did not answer: 503), a retry "
                    "with the same key asks again and answers the order as it stands. 409 "
                    "ORDER_PENDING (with order_id) while another open order holds a course of the "
                    "cart; 422 PAYMENT_REJECTED when the processor refuses the request (the "
                    "order is cancelled, the cart kept).",
         .body = http::json_body(checkout_body()),
         .responses = {201, 404, 409, 422, 503},
         .returns = http::schema::ref(order_shape()),
         .idempotency = http::Idempotency::kRequired});

  g.list({.path = "/v1/orders", .summary = "My orders, newest first"}, order_shape(),
         http::call(orders, &OrderService::list_mine));

  g.get({.path = "/v1/orders/:id",
         .summary = "One of my orders (any order with orders:manage)",
         .responses = {200, 404}},
        order_shape(), http::call(orders, &OrderService::get, http::id));

  g.post(
      {.path = "/v1/orders/:id/refund",
       .summary = "Refund a paid order, whole or per item: enrollments are cancelled and stock "
                  "returned in the same transaction (the buyer, or orders:manage). A card refund "
                  "is reserved, asked of the processor, then settled: 503 when the processor did "
                  "not answer (the refund stays requested; repeat the request to finish it), 409 "
                  "REFUND_REFUSED when it refused",
       .body = http::json_body(refund_body()),
       .responses = {200, 404, 409, 422, 503},
       .idempotency = http::Idempotency::kOptional},
      order_shape(),
      http::call(orders, &OrderService::refund, http::id, http::body_as<RefundInput>));

  g.post({.path = "/v1/orders/:id/mark-paid",
          .summary = "Mark a pending bank transfer paid; the buyer is enrolled",
          .permission = "orders:manage",
          .responses = {200, 404, 409},
          .idempotency = http::Idempotency::kOptional},
         order_shape(), http::call(orders, &OrderService::mark_paid, http::id));
}

}  // namespace deltalabs::commerce
