#include "commerce/commerce_shapes.h"

#include <boost/json.hpp>

#include "catalog/catalog_shapes.h"
#include "http/shape_fields.h"

namespace deltalabs::commerce {

namespace s = http::schema;

namespace {

boost::json::value money(std::int64_t amount, const std::string& currency) {
  return catalog::money_json({amount, currency});
}

http::Schema money_schema() { return s::ref(catalog::money_shape()); }

// A total of the cart in its currency; null while the cart is empty.
http::Schema cart_total_schema(std::string description) {
  return s::described(s::nullable(money_schema()), description + "; null while the cart is empty");
}

boost::json::value cart_money(const Cart& c, std::int64_t amount) {
  return c.currency ? money(amount, *c.currency) : boost::json::value(nullptr);
}

}  // namespace

DL_JSON_SHAPE(cart_item_shape, CartItem, "CartItem",
              {DL_SHAPE_FIELDS(CartItem, (id, uuid), (item_type, one_of, {"course", "resource"}),
                               (item_id, uuid), (title, string), (quantity, integer)),
               {"unit_price", money_schema(),
                [](const CartItem& i) { return money(i.unit_price_minor, i.currency); }},
               {"line_total", money_schema(),
                [](const CartItem& i) { return money(i.line_total_minor, i.currency); }},
               {"added_at", s::timestamp(), &CartItem::created_at}})

DL_JSON_SHAPE(
    cart_shape, Cart, "Cart",
    {{"id", s::nullable(s::uuid()),
      [](const Cart& c) {
        return c.id.empty() ? boost::json::value(nullptr) : boost::json::value(c.id);
      }},
     DL_SHAPE_FIELDS(Cart, (status, one_of, {"open", "checked_out"}), (currency, string)),
     http::array_of("items", cart_item_shape(), &Cart::items),
     {"item_count", s::integer(),
      [](const Cart& c) { return boost::json::value(static_cast<std::int64_t>(c.items.size())); }},
     {"subtotal", cart_total_schema("The sum of the line totals"),
      [](const Cart& c) { return cart_money(c, c.subtotal_minor); }},
     {"discount",
      cart_total_schema("What the buyer's approved, unused financial aid takes off the "
                        "subtotal, as checkout applies it; a coupon is only known at checkout "
                        "and is not included"),
      [](const Cart& c) { return cart_money(c, c.discount_minor); }},
     {"total", cart_total_schema("subtotal - discount: what checkout charges before a coupon"),
      [](const Cart& c) { return cart_money(c, c.total_minor); }}})

// The currency of an item is its order's; rendered with it by order_shape.
DL_JSON_SHAPE(order_item_shape, OrderItem, "OrderItem",
              {DL_SHAPE_FIELDS(OrderItem, (id, uuid),
                               (item_type, one_of, {"course", "resource", "lab_booking"}),
                               (item_id, uuid), (title, string), (quantity, integer),
                               (unit_price_minor, integer), (discount_minor, integer),
                               (total_minor, integer)),
               {"financial_aid_id", s::uuid(), &OrderItem::aid_application_id},
               DL_SHAPE_FIELDS(OrderItem, (enrollment_id, uuid), (refunded, boolean))})

DL_JSON_SHAPE(payment_shape, Payment, "Payment",
              {DL_SHAPE_FIELDS(Payment, (id, uuid), (provider, one_of, {"offline", "card"}),
                               (method, one_of, {"free", "sponsored", "bank_transfer", "card"}),
                               (provider_reference, string)),
               {"amount", money_schema(),
                [](const Payment& p) { return money(p.amount_minor, p.currency); }},
               DL_SHAPE_FIELDS(Payment, (status, one_of, {"pending", "succeeded", "failed"}),
                               (created_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(
    refund_shape, Refund, "Refund",
    {DL_SHAPE_FIELDS(Refund, (id, uuid), (order_item_id, uuid)),
     {"amount", money_schema(), [](const Refund& r) { return money(r.amount_minor, r.currency); }},
     DL_SHAPE_FIELDS(Refund, (reason, string), (status, one_of, {"requested", "succeeded"}),
                     (created_at, timestamp))})

DL_JSON_SHAPE(order_shape, Order, "Order",
              {DL_SHAPE_FIELDS(Order, (id, uuid), (number, string), (user_id, uuid),
                               (status, one_of,
                                {"pending", "paid", "cancelled", "refunded", "partially_refunded"}),
                               (currency, string)),
               {"subtotal", money_schema(),
                [](const Order& o) { return money(o.subtotal_minor, o.currency); }},
               {"discount", money_schema(),
                [](const Order& o) { return money(o.discount_minor, o.currency); }},
               {"total", money_schema(),
                [](const Order& o) { return money(o.total_minor, o.currency); }},
               {"refunded", money_schema(),
                [](const Order& o) { return money(o.refunded_minor, o.currency); }},
               DL_SHAPE_FIELDS(Order, (provider, one_of, {"offline", "card"}), (coupon_id, uuid),
                               (sponsorship_request_id, uuid)),
               http::array_of("items", order_item_shape(), &Order::items),
               {"payment", s::nullable(s::ref(payment_shape())),
                [](const Order& o) {
                  return o.payment ? boost::json::value(payment_shape().render(*o.payment))
                                   : boost::json::value(nullptr);
                }},
               http::array_of("refunds", refund_shape(), &Order::refunds),
               DL_SHAPE_FIELDS(Order, (created_at, timestamp), (paid_at, timestamp),
                               (updated_at, timestamp))})

DL_JSON_SHAPE(coupon_shape, Coupon, "Coupon",
              {DL_SHAPE_FIELDS(Coupon, (id, uuid), (code, string),
                               (kind, one_of, {"percent", "amount"}), (percent_off, integer)),
               {"amount_off", s::nullable(money_schema()),
                [](const Coupon& c) {
                  return c.amount_off_minor ? money(*c.amount_off_minor, c.currency.value_or(""))
                                            : boost::json::value(nullptr);
                }},
               DL_SHAPE_FIELDS(Coupon, (max_redemptions, integer), (per_user_limit, integer),
                               (redemption_count, integer), (valid_from, timestamp),
                               (valid_until, timestamp), (created_at, timestamp))})

DL_JSON_SHAPE(sponsor_shape, Sponsor, "Sponsor",
              {DL_SHAPE_FIELDS(Sponsor, (id, uuid), (name, string),
                               (kind, one_of, {"organization", "person"}), (organization_id, uuid),
                               (manager_id, uuid), (contact_email, string),
                               (created_at, timestamp))})

DL_JSON_SHAPE(
    sponsorship_request_shape, SponsorshipRequest, "SponsorshipRequest",
    {DL_SHAPE_FIELDS(SponsorshipRequest, (id, uuid), (sponsor_id, uuid), (user_id, uuid),
                     (course_id, uuid), (status, one_of, {"requested", "approved", "rejected"}),
                     (message, string), (order_id, uuid), (decided_by, uuid),
                     (decided_at, timestamp), (created_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(aid_shape, AidApplication, "FinancialAidApplication",
              {DL_SHAPE_FIELDS(AidApplication, (id, uuid), (user_id, uuid), (course_id, uuid),
                               (status, one_of, {"submitted", "approved", "rejected"}),
                               (statement, string), (discount_percent, integer),
                               (used_order_id, uuid), (reviewed_by, uuid), (reviewed_at, timestamp),
                               (created_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(webhook_receipt_shape, WebhookReceipt, "WebhookReceipt",
              {DL_SHAPE_FIELDS(WebhookReceipt, (event_id, string), (duplicate, boolean),
                               (applied, boolean))})

}  // namespace deltalabs::commerce
