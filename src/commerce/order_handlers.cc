#include "commerce/order_handlers.h"

#include "commerce/commerce_json.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/path_param.h"

namespace deltalabs::commerce {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Commerce";

BodySchema cart_item_body() {
  return BodySchema{field::string("item_type").one_of({"course", "resource"}).required(),
                    field::uuid("item_id").required(),
                    field::integer("quantity").range(1, 100).describe("1 for a course; default 1")};
}

BodySchema checkout_body() {
  return BodySchema{
      field::string("provider")
          .one_of({"offline", "card"})
          .describe(
              "offline (default): zero totals are paid at once, others wait as a bank transfer; "
              "card: charged through the card processor"),
      field::string("coupon_code", 40).describe("a coupon to apply"),
      field::string("payment_method", 200).describe("the card processor's payment method token")};
}

BodySchema refund_body() {
  return BodySchema{field::array("item_ids", field::uuid("item_id"), 100)
                        .describe("the order items to refund; all unrefunded ones when absent"),
                    field::string("reason", 1000)};
}

void register_cart_routes(http::Router& router, CartService& carts) {
  router.add({.method = Method::kGet,
              .path = "/v1/cart",
              .handler = [&carts](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Cart cart, carts.get(req.caller()));
                return Response::json(200, cart_shape().render(cart));
              },
              .summary = "My open cart with its items and subtotal",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200},
              .returns = http::schema::ref(cart_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/cart/items",
              .handler = [&carts](Request& req) -> Result<Response> {
                const auto& body = req.json.as_object();
                CartItemInput in{http::required_string(body, "item_type"),
                                 http::required_string(body, "item_id"),
                                 http::optional_int(body, "quantity").value_or(1)};
                DL_ASSIGN_OR_RETURN(Cart cart, carts.add(req.caller(), in));
                return Response::json(201, cart_shape().render(cart));
              },
              .summary = "Add a course or resource to my cart (answers the cart)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(cart_item_body()),
              .responses = {201, 404, 409},
              .returns = http::schema::ref(cart_shape())});

  router.add({.method = Method::kDelete,
              .path = "/v1/cart/items/:id",
              .handler = [&carts](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Cart cart, carts.remove(req.caller(), http::path_param(req)));
                return Response::json(200, cart_shape().render(cart));
              },
              .summary = "Remove a line from my cart (answers the cart)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 404},
              .returns = http::schema::ref(cart_shape())});
}

}  // namespace

void register_order_routes(http::Router& router, CartService& carts, CheckoutService& checkout,
                           OrderService& orders, const CursorCodec& cursors) {
  register_cart_routes(router, carts);

  router.add({.method = Method::kPost,
              .path = "/v1/orders",
              .handler = [&checkout](Request& req) -> Result<Response> {
                const auto& body = req.json.as_object();
                CheckoutInput in;
                in.provider = http::optional_string(body, "provider").value_or("offline");
                in.coupon_code = http::optional_string(body, "coupon_code");
                in.payment_method = http::optional_string(body, "payment_method");
                in.checkout_key = std::string(req.header("Idempotency-Key"));
                DL_ASSIGN_OR_RETURN(Order o, checkout.checkout(req.caller(), in));
                Response created = Response::json(201, order_shape().render(o));
                created.header("Location", "/v1/orders/" + o.id);
                // A card payment still pending at the processor is reported
                // as it stands then on every retry, never replayed stale.
                created.replayable =
                    !(o.status == "pending" && o.payment && o.payment->provider == "card");
                return created;
              },
              .summary =
                  "Check out my cart: order, items, payment and (when paid) enrollments in one "
                  "transaction. Idempotency-Key required: the same key and body replay the first "
                  "answer, another body answers 422, a concurrent retry 409; while a card "
                  "payment is pending at the processor (or it did not answer: 503), a retry "
                  "with the same key asks again and answers the order as it stands. 409 "
                  "ORDER_PENDING (with order_id) while another open order holds a course of the "
                  "cart; 422 PAYMENT_REJECTED when the processor refuses the request (the "
                  "order is cancelled, the cart kept).",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(checkout_body()),
              .responses = {201, 404, 409, 422, 503},
              .returns = http::schema::ref(order_shape()),
              .idempotency = http::Idempotency::kRequired});

  router.add({.method = Method::kGet,
              .path = "/v1/orders",
              .handler = [&orders, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result, orders.list_mine(req.caller(), page));
                return http::page_response(result, order_shape(), cursors);
              },
              .summary = "My orders, newest first",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .responses = {200},
              .returns = http::schema::page_of(order_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/orders/:id",
              .handler = [&orders](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Order o, orders.get(req.caller(), http::path_param(req)));
                return Response::json(200, order_shape().render(o));
              },
              .summary = "One of my orders (any order with orders:manage)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 404},
              .returns = http::schema::ref(order_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/orders/:id/refund",
              .handler = [&orders](Request& req) -> Result<Response> {
                const auto& body = req.json.as_object();
                RefundInput in;
                in.item_ids =
                    http::optional_strings(body, "item_ids").value_or(std::vector<std::string>{});
                in.reason = http::optional_string(body, "reason").value_or("");
                DL_ASSIGN_OR_RETURN(Order o,
                                    orders.refund(req.caller(), http::path_param(req), in));
                return Response::json(200, order_shape().render(o));
              },
              .summary = "Refund a paid order, whole or per item: enrollments are cancelled and "
                         "stock returned in the same transaction (the buyer, or orders:manage). A "
                         "card refund is reserved, asked of the processor, then settled: 503 when "
                         "the processor did not answer (the refund stays requested; repeat the "
                         "request to finish it), 409 REFUND_REFUSED when it refused",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(refund_body()),
              .responses = {200, 404, 409, 422, 503},
              .returns = http::schema::ref(order_shape()),
              .idempotency = http::Idempotency::kOptional});

  router.add({.method = Method::kPost,
              .path = "/v1/orders/:id/mark-paid",
              .handler = [&orders](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Order o, orders.mark_paid(req.caller(), http::path_param(req)));
                return Response::json(200, order_shape().render(o));
              },
              .summary = "Mark a pending bank transfer paid; the buyer is enrolled",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "orders:manage",
              .responses = {200, 404, 409},
              .returns = http::schema::ref(order_shape()),
              .idempotency = http::Idempotency::kOptional});
}

}  // namespace deltalabs::commerce
