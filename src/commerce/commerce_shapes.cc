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

const http::JsonShape<CartItem>& cart_item_shape() {
  static const http::JsonShape<CartItem> shape(
      "CartItem", {{"id", s::uuid(), &CartItem::id},
                   {"item_type", s::one_of({"course", "resource"}), &CartItem::item_type},
                   {"item_id", s::uuid(), &CartItem::item_id},
                   {"title", s::string(), &CartItem::title},
                   {"quantity", s::integer(), &CartItem::quantity},
                   {"unit_price", money_schema(),
                    [](const CartItem& i) { return money(i.unit_price_minor, i.currency); }},
                   {"line_total", money_schema(),
                    [](const CartItem& i) { return money(i.line_total_minor, i.currency); }},
                   {"added_at", s::timestamp(), &CartItem::created_at}});
  return shape;
}

const http::JsonShape<Cart>& cart_shape() {
  static const http::JsonShape<Cart> shape(
      "Cart",
      {{"id", s::nullable(s::uuid()),
        [](const Cart& c) {
          return c.id.empty() ? boost::json::value(nullptr) : boost::json::value(c.id);
        }},
       {"status", s::one_of({"open", "checked_out"}), &Cart::status},
       {"currency", s::string(), &Cart::currency},
       http::array_of("items", cart_item_shape(), &Cart::items),
       {"item_count", s::integer(),
        [](const Cart& c) {
          return boost::json::value(static_cast<std::int64_t>(c.items.size()));
        }},
       {"subtotal", cart_total_schema("The sum of the line totals"),
        [](const Cart& c) { return cart_money(c, c.subtotal_minor); }},
       {"discount",
        cart_total_schema("What the buyer's approved, unused financial aid takes off the "
                          "subtotal, as checkout applies it; a coupon is only known at checkout "
                          "and is not included"),
        [](const Cart& c) { return cart_money(c, c.discount_minor); }},
       {"total", cart_total_schema("subtotal - discount: what checkout charges before a coupon"),
        [](const Cart& c) { return cart_money(c, c.total_minor); }}});
  return shape;
}

const http::JsonShape<OrderItem>& order_item_shape() {
  // The currency of an item is its order's; rendered with it by order_shape.
  static const http::JsonShape<OrderItem> shape(
      "OrderItem",
      {{"id", s::uuid(), &OrderItem::id},
       {"item_type", s::one_of({"course", "resource", "lab_booking"}), &OrderItem::item_type},
       {"item_id", s::uuid(), &OrderItem::item_id},
       {"title", s::string(), &OrderItem::title},
       {"quantity", s::integer(), &OrderItem::quantity},
       {"unit_price_minor", s::integer(), &OrderItem::unit_price_minor},
       {"discount_minor", s::integer(), &OrderItem::discount_minor},
       {"total_minor", s::integer(), &OrderItem::total_minor},
       {"financial_aid_id", s::uuid(), &OrderItem::aid_application_id},
       {"enrollment_id", s::uuid(), &OrderItem::enrollment_id},
       {"refunded", s::boolean(), &OrderItem::refunded}});
  return shape;
}

const http::JsonShape<Payment>& payment_shape() {
  static const http::JsonShape<Payment> shape(
      "Payment",
      {{"id", s::uuid(), &Payment::id},
       {"provider", s::one_of({"offline", "card"}), &Payment::provider},
       {"method", s::one_of({"free", "sponsored", "bank_transfer", "card"}), &Payment::method},
       {"provider_reference", s::string(), &Payment::provider_reference},
       {"amount", money_schema(),
        [](const Payment& p) { return money(p.amount_minor, p.currency); }},
       {"status", s::one_of({"pending", "succeeded", "failed"}), &Payment::status},
       {"created_at", s::timestamp(), &Payment::created_at},
       {"updated_at", s::timestamp(), &Payment::updated_at}});
  return shape;
}

const http::JsonShape<Refund>& refund_shape() {
  static const http::JsonShape<Refund> shape(
      "Refund", {{"id", s::uuid(), &Refund::id},
                 {"order_item_id", s::uuid(), &Refund::order_item_id},
                 {"amount", money_schema(),
                  [](const Refund& r) { return money(r.amount_minor, r.currency); }},
                 {"reason", s::string(), &Refund::reason},
                 {"status", s::one_of({"requested", "succeeded"}), &Refund::status},
                 {"created_at", s::timestamp(), &Refund::created_at}});
  return shape;
}

const http::JsonShape<Order>& order_shape() {
  static const http::JsonShape<Order> shape(
      "Order",
      {{"id", s::uuid(), &Order::id},
       {"number", s::string(), &Order::number},
       {"user_id", s::uuid(), &Order::user_id},
       {"status", s::one_of({"pending", "paid", "cancelled", "refunded", "partially_refunded"}),
        &Order::status},
       {"currency", s::string(), &Order::currency},
       {"subtotal", money_schema(),
        [](const Order& o) { return money(o.subtotal_minor, o.currency); }},
       {"discount", money_schema(),
        [](const Order& o) { return money(o.discount_minor, o.currency); }},
       {"total", money_schema(), [](const Order& o) { return money(o.total_minor, o.currency); }},
       {"refunded", money_schema(),
        [](const Order& o) { return money(o.refunded_minor, o.currency); }},
       {"provider", s::one_of({"offline", "card"}), &Order::provider},
       {"coupon_id", s::uuid(), &Order::coupon_id},
       {"sponsorship_request_id", s::uuid(), &Order::sponsorship_request_id},
       http::array_of("items", order_item_shape(), &Order::items),
       {"payment", s::nullable(s::ref(payment_shape())),
        [](const Order& o) {
          return o.payment ? boost::json::value(payment_shape().render(*o.payment))
                           : boost::json::value(nullptr);
        }},
       http::array_of("refunds", refund_shape(), &Order::refunds),
       {"created_at", s::timestamp(), &Order::created_at},
       {"paid_at", s::timestamp(), &Order::paid_at},
       {"updated_at", s::timestamp(), &Order::updated_at}});
  return shape;
}

const http::JsonShape<Coupon>& coupon_shape() {
  static const http::JsonShape<Coupon> shape(
      "Coupon", {{"id", s::uuid(), &Coupon::id},
                 {"code", s::string(), &Coupon::code},
                 {"kind", s::one_of({"percent", "amount"}), &Coupon::kind},
                 {"percent_off", s::integer(), &Coupon::percent_off},
                 {"amount_off", s::nullable(money_schema()),
                  [](const Coupon& c) {
                    return c.amount_off_minor ? money(*c.amount_off_minor, c.currency.value_or(""))
                                              : boost::json::value(nullptr);
                  }},
                 {"max_redemptions", s::integer(), &Coupon::max_redemptions},
                 {"per_user_limit", s::integer(), &Coupon::per_user_limit},
                 {"redemption_count", s::integer(), &Coupon::redemption_count},
                 {"valid_from", s::timestamp(), &Coupon::valid_from},
                 {"valid_until", s::timestamp(), &Coupon::valid_until},
                 {"created_at", s::timestamp(), &Coupon::created_at}});
  return shape;
}

const http::JsonShape<Sponsor>& sponsor_shape() {
  static const http::JsonShape<Sponsor> shape(
      "Sponsor", {{"id", s::uuid(), &Sponsor::id},
                  {"name", s::string(), &Sponsor::name},
                  {"kind", s::one_of({"organization", "person"}), &Sponsor::kind},
                  {"organization_id", s::uuid(), &Sponsor::organization_id},
                  {"manager_id", s::uuid(), &Sponsor::manager_id},
                  {"contact_email", s::string(), &Sponsor::contact_email},
                  {"created_at", s::timestamp(), &Sponsor::created_at}});
  return shape;
}

const http::JsonShape<SponsorshipRequest>& sponsorship_request_shape() {
  static const http::JsonShape<SponsorshipRequest> shape(
      "SponsorshipRequest",
      {{"id", s::uuid(), &SponsorshipRequest::id},
       {"sponsor_id", s::uuid(), &SponsorshipRequest::sponsor_id},
       {"user_id", s::uuid(), &SponsorshipRequest::user_id},
       {"course_id", s::uuid(), &SponsorshipRequest::course_id},
       {"status", s::one_of({"requested", "approved", "rejected"}), &SponsorshipRequest::status},
       {"message", s::string(), &SponsorshipRequest::message},
       {"order_id", s::uuid(), &SponsorshipRequest::order_id},
       {"decided_by", s::uuid(), &SponsorshipRequest::decided_by},
       {"decided_at", s::timestamp(), &SponsorshipRequest::decided_at},
       {"created_at", s::timestamp(), &SponsorshipRequest::created_at},
       {"updated_at", s::timestamp(), &SponsorshipRequest::updated_at}});
  return shape;
}

const http::JsonShape<AidApplication>& aid_shape() {
  static const http::JsonShape<AidApplication> shape(
      "FinancialAidApplication",
      {{"id", s::uuid(), &AidApplication::id},
       {"user_id", s::uuid(), &AidApplication::user_id},
       {"course_id", s::uuid(), &AidApplication::course_id},
       {"status", s::one_of({"submitted", "approved", "rejected"}), &AidApplication::status},
       {"statement", s::string(), &AidApplication::statement},
       {"discount_percent", s::integer(), &AidApplication::discount_percent},
       {"used_order_id", s::uuid(), &AidApplication::used_order_id},
       {"reviewed_by", s::uuid(), &AidApplication::reviewed_by},
       {"reviewed_at", s::timestamp(), &AidApplication::reviewed_at},
       {"created_at", s::timestamp(), &AidApplication::created_at},
       {"updated_at", s::timestamp(), &AidApplication::updated_at}});
  return shape;
}

const http::JsonShape<WebhookReceipt>& webhook_receipt_shape() {
  static const http::JsonShape<WebhookReceipt> shape(
      "WebhookReceipt", {{"event_id", s::string(), &WebhookReceipt::event_id},
                         {"duplicate", s::boolean(), &WebhookReceipt::duplicate},
                         {"applied", s::boolean(), &WebhookReceipt::applied}});
  return shape;
}

}  // namespace deltalabs::commerce
