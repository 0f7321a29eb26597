#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace deltalabs::commerce {

// A line of a cart: a course (quantity 1) or a resource, at the price seen
// when it was added.
struct CartItem {
  std::string id;
  std::string item_type;  // course | resource
  std::string item_id;
  std::string title;
  std::int64_t quantity = 1;
  std::int64_t unit_price_minor = 0;
  std::string currency;
  std::int64_t line_total_minor = 0;
  std::string created_at;
};

// A user's open cart with its subtotal (the sum of line totals), the
// discount its approved financial aid gives and the total left to pay.
struct Cart {
  std::string id;
  std::string user_id;
  std::string status;
  std::optional<std::string> currency;  // of its items; null while empty
  std::vector<CartItem> items;
  std::int64_t subtotal_minor = 0;
  std::string created_at;
  std::string updated_at;
  std::int64_t discount_minor = 0;  // set by CartService
  std::int64_t total_minor = 0;     // subtotal - discount
};

// What POST /v1/cart/items adds.
struct CartItemInput {
  std::string item_type;
  std::string item_id;
  std::int64_t quantity = 1;
};

// One bought line of an order, priced with its discount.
struct OrderItem {
  std::string id;
  std::string order_id;
  std::string item_type;  // course | resource | lab_booking
  std::string item_id;
  std::string title;
  std::int64_t quantity = 1;
  std::int64_t unit_price_minor = 0;
  std::int64_t discount_minor = 0;
  std::int64_t total_minor = 0;
  std::optional<std::string> aid_application_id;
  std::optional<std::string> enrollment_id;
  bool refunded = false;
};

// The money movement of an order through one provider.
struct Payment {
  std::string id;
  std::string order_id;
  std::string provider;  // offline | card
  std::string method;    // free | sponsored | bank_transfer | card
  std::optional<std::string> provider_reference;
  std::int64_t amount_minor = 0;
  std::string currency;
  std::string status;  // pending | succeeded | failed
  std::string created_at;
  std::string updated_at;
};

// A refund of one order item.
struct Refund {
  std::string id;
  std::string order_id;
  std::string order_item_id;
  std::int64_t amount_minor = 0;
  std::string currency;
  std::string reason;
  std::string created_at;
  std::string status;  // requested (the processor is being asked) | succeeded
};

// An order with its items, payment and refunds.
struct Order {
  std::string id;
  std::string number;
  std::string user_id;
  std::string status;  // pending | paid | cancelled | refunded | partially_refunded
  std::string currency;
  std::int64_t subtotal_minor = 0;
  std::int64_t discount_minor = 0;
  std::int64_t total_minor = 0;
  std::int64_t refunded_minor = 0;
  std::string provider;
  std::optional<std::string> coupon_id;
  std::optional<std::string> sponsorship_request_id;
  std::string created_at;
  std::optional<std::string> paid_at;
  std::string updated_at;
  std::vector<OrderItem> items;
  std::optional<Payment> payment;
  std::vector<Refund> refunds;
};

// What POST /v1/orders asks for.
struct CheckoutInput {
  std::string provider = "offline";  // offline | card
  std::optional<std::string> coupon_code;
  std::optional<std::string> payment_method;  // the card processor's payment method token
  std::string checkout_key;                   // the request's Idempotency-Key
};

// What POST /v1/orders/:id/refund asks for: the items (all when empty).
struct RefundInput {
  std::vector<std::string> item_ids;
  std::string reason;
};

// A discount code.
struct Coupon {
  std::string id;
  std::string code;
  std::string kind;  // percent | amount
  std::optional<std::int64_t> percent_off;
  std::optional<std::int64_t> amount_off_minor;
  std::optional<std::string> currency;
  std::optional<std::int64_t> max_redemptions;
  std::int64_t per_user_limit = 1;
  std::int64_t redemption_count = 0;
  std::optional<std::string> valid_from;
  std::optional<std::string> valid_until;
  std::string created_at;
};

// Someone who pays for learners.
struct Sponsor {
  std::string id;
  std::string name;
  std::string kind;  // organization | person
  std::optional<std::string> organization_id;
  std::string manager_id;
  std::optional<std::string> contact_email;
  std::string created_at;
};

// A learner's request that a sponsor cover a course.
struct SponsorshipRequest {
  std::string id;
  std::string sponsor_id;
  std::string user_id;
  std::string course_id;
  std::string status;  // requested | approved | rejected
  std::string message;
  std::optional<std::string> order_id;
  std::optional<std::string> decided_by;
  std::optional<std::string> decided_at;
  std::string created_at;
  std::string updated_at;
};

// A financial aid application for one course.
struct AidApplication {
  std::string id;
  std::string user_id;
  std::string course_id;
  std::string status;  // submitted | approved | rejected
  std::string statement;
  std::optional<std::int64_t> discount_percent;
  std::optional<std::string> used_order_id;
  std::optional<std::string> reviewed_by;
  std::optional<std::string> reviewed_at;
  std::string created_at;
  std::string updated_at;
};

// A resource as commerce sells it.
struct ResourceOffer {
  std::string id;
  std::string course_id;
  std::string title;
  std::int64_t price_minor = 0;
  std::string currency;
  std::int64_t stock = 0;
};

}  // namespace deltalabs::commerce
