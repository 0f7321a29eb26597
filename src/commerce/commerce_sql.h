#pragma once

// Every SQL statement of the commerce domain. Counters kept here, each in the
// transaction that changes what it counts: coupons.redemption_count (rows of
// coupon_redemptions), orders.refunded_minor (sum of its refunds) and
// resources.stock (taken by paid or pending orders, given back by refunds and
// cancellations). Lists page by id: ids are UUIDv7, so id order is creation order.

#include "commerce/model.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"
#include "storage/row_table.h"
#include "storage/sql_text.h"

namespace deltalabs::commerce::sql {

// --- carts ---------------------------------------------------------------------------------------

// A cart's row (without its items and the totals CartService works out).
inline constexpr auto kCartRow = row_mapping<Cart>({
    DL_COLUMNS(Cart, id, user_id, status, created_at, updated_at),
});
inline constexpr auto kSelectOpenCart =
    select_where<kCartRow>("carts", "user_id = $1 AND status = 'open'");
inline constexpr const char* kInsertCart =
    "INSERT INTO carts (id, user_id, status, created_at, updated_at) VALUES ($1, $2, 'open', $3, "
    "$3) ON CONFLICT DO NOTHING";
// An update that changes nothing but takes the cart's row lock, so concurrent
// checkouts of one cart run one after the other on PostgreSQL.
inline constexpr const char* kLockCart =
    "UPDATE carts SET updated_at = updated_at WHERE id = $1 AND status = 'open'";
inline constexpr const char* kTouchCart = "UPDATE carts SET updated_at = $2 WHERE id = $1";
inline constexpr const char* kCheckOutCart =
    "UPDATE carts SET status = 'checked_out', updated_at = $2 WHERE id = $1 AND status = 'open'";

// A cart item's row; the line total is worked out from it.
inline constexpr auto kCartItemRow = row_mapping<CartItem>({
    DL_COLUMNS_OF(i, CartItem, id, item_type),
    {"COALESCE(CAST(i.course_id AS TEXT), CAST(i.resource_id AS TEXT))", &CartItem::item_id},
    {"COALESCE(c.title, r.title)", &CartItem::title},
    DL_COLUMNS_OF(i, CartItem, quantity, unit_price_minor, currency, created_at),
});
inline constexpr auto kSelectCartItems = select_where<kCartItemRow>(
    "cart_items i LEFT JOIN courses c ON c.id = i.course_id LEFT JOIN resources r ON r.id = "
    "i.resource_id",
    "i.cart_id = $1 ORDER BY i.id");
inline constexpr auto kInsertCartItem =
    insert_into<"cart_items",
                "id, cart_id, item_type, course_id, resource_id, quantity, unit_price_minor, "
                "currency, created_at">();
inline constexpr const char* kDeleteCartItem =
    "DELETE FROM cart_items WHERE id = $1 AND cart_id = $2";
// Puts a line back into a cart unless the cart holds that target already.
inline constexpr const char* kRestoreCartItem =
    "INSERT INTO cart_items (id, cart_id, item_type, course_id, resource_id, quantity, "
    "unit_price_minor, currency, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
    "ON CONFLICT DO NOTHING";

// A resource as commerce sells it: course, title, price and stock.
// Content's resources as commerce sells them (a declared cross-domain read).
inline constexpr auto kResourceOfferRow = row_mapping<ResourceOffer>({
    DL_COLUMNS(ResourceOffer, id, course_id, title),
    {"price_amount_minor", &ResourceOffer::price_minor},
    {"price_currency", &ResourceOffer::currency},
    DL_COLUMNS(ResourceOffer, stock),
});
inline constexpr RowTable<kResourceOfferRow, "resources"> kResourceOfferTable{"resource"};

// --- coupons -------------------------------------------------------------------------------------

inline constexpr auto kCouponRow = row_mapping<Coupon>({
    DL_COLUMNS(Coupon, id, code, kind, percent_off, amount_off_minor, currency, max_redemptions,
               per_user_limit, redemption_count, valid_from, valid_until, created_at),
});
inline constexpr RowTable<kCouponRow, "coupons"> kCouponTable{"coupon"};

inline constexpr auto kSelectCouponByCode = kCouponTable.where("code = $1");
inline constexpr auto kListCoupons = kCouponTable.where("" DL_KEYSET_DESC(id, 1, 2));

inline constexpr const char* kInsertCoupon =
    "INSERT INTO coupons (id, code, kind, percent_off, amount_off_minor, currency, "
    "max_redemptions, per_user_limit, redemption_count, valid_from, valid_until, created_by, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10, $11, $12)";
// One redemption more while any are left: the exact cap under concurrency.
inline constexpr const char* kRedeemCoupon =
    "UPDATE coupons SET redemption_count = redemption_count + 1 WHERE id = $1 "
    "AND (max_redemptions IS NULL OR redemption_count < max_redemptions)";
inline constexpr const char* kCountUserRedemptions =
    "SELECT count(*) FROM coupon_redemptions WHERE coupon_id = $1 AND user_id = $2";
inline constexpr auto kInsertRedemption =
    insert_into<"coupon_redemptions",
                "id, coupon_id, order_id, user_id, amount_minor, created_at">();
inline constexpr const char* kReleaseRedemption =
    "UPDATE coupons SET redemption_count = redemption_count - 1 WHERE id = $1 "
    "AND redemption_count > 0";
inline constexpr const char* kDeleteRedemption =
    "DELETE FROM coupon_redemptions WHERE order_id = $1";

// --- orders --------------------------------------------------------------------------------------

// An order's row (without its items, payment and refunds).
inline constexpr auto kOrderRow = row_mapping<Order>({
    DL_COLUMNS(Order, id, number, user_id, status, currency, subtotal_minor, discount_minor,
               total_minor, refunded_minor, provider, coupon_id, sponsorship_request_id, created_at,
               paid_at, updated_at),
});
inline constexpr RowTable<kOrderRow, "orders"> kOrderTable{"order"};

inline constexpr auto kSelectOrderByKey = kOrderTable.where("user_id = $1 AND checkout_key = $2");
inline constexpr const char* kForgetCheckoutKey =
    "UPDATE orders SET checkout_key = NULL WHERE id = $1";
inline constexpr auto kListUserOrders =
    kOrderTable.where("user_id = $1 AND " DL_KEYSET_DESC(id, 2, 3));

inline constexpr const char* kInsertOrder =
    "INSERT INTO orders (id, number, user_id, status, currency, subtotal_minor, discount_minor, "
    "total_minor, refunded_minor, provider, coupon_id, sponsorship_request_id, checkout_key, "
    "created_at, paid_at, updated_at) VALUES ($1, $2, $3, 'pending', $4, $5, $6, $7, 0, $8, $9, "
    "$10, $11, $12, NULL, $12)";
// Moves an order from one status to the next; 0 rows when it is no longer in `from`.
inline constexpr const char* kMoveOrder =
    "UPDATE orders SET status = $3, updated_at = $4, "
    "paid_at = CASE WHEN $3 = 'paid' THEN $4 ELSE paid_at END WHERE id = $1 AND status = $2";
// Locks the order's row for the rest of the transaction.
inline constexpr const char* kLockOrder = "UPDATE orders SET updated_at = updated_at WHERE id = $1";
inline constexpr const char* kAddRefunded =
    "UPDATE orders SET refunded_minor = refunded_minor + $2, updated_at = $3 WHERE id = $1 "
    "AND refunded_minor + $2 <= total_minor";

// An order item's row; the item is a course, a resource or a lab booking.
inline constexpr auto kOrderItemRow = row_mapping<OrderItem>({
    DL_COLUMNS(OrderItem, id, order_id, item_type),
    {"COALESCE(CAST(course_id AS TEXT), CAST(resource_id AS TEXT), CAST(lab_booking_id AS TEXT))",
     &OrderItem::item_id},
    DL_COLUMNS(OrderItem, title, quantity, unit_price_minor, discount_minor, total_minor,
               aid_application_id, enrollment_id, refunded),
});
inline constexpr auto kSelectOrderItems =
    select_where<kOrderItemRow>("order_items", "order_id = $1 ORDER BY id");
inline constexpr const char* kInsertOrderItem =
    "INSERT INTO order_items (id, order_id, item_type, course_id, resource_id, title, quantity, "
    "unit_price_minor, discount_minor, total_minor, aid_application_id, enrollment_id, refunded, "
    "lab_booking_id, open_buyer_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, "
    "FALSE, $12, $13)";
// The buyer's open order holding a course (migration 0020: at most one).
inline constexpr const char* kSelectOpenCourseOrder =
    "SELECT order_id FROM order_items WHERE open_buyer_id = $1 AND course_id = $2";
// An order left pending: its course items no longer hold the buyer's one open order.
inline constexpr const char* kReleaseOpenItems =
    "UPDATE order_items SET open_buyer_id = NULL WHERE order_id = $1 AND open_buyer_id IS NOT NULL";
// Whether a lab booking's payment was taken and not given back.
inline constexpr const char* kSelectPaidLabItem =
    "SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.lab_booking_id = $1 "
    "AND o.status IN ('paid', 'partially_refunded') AND i.refunded = FALSE";
// The pending order holding payment for a lab booking (none once settled or cancelled).
inline constexpr const char* kSelectPendingLabOrder =
    "SELECT o.id FROM order_items i JOIN orders o ON o.id = i.order_id "
    "WHERE i.lab_booking_id = $1 AND o.status = 'pending'";
inline constexpr const char* kSetItemEnrollment =
    "UPDATE order_items SET enrollment_id = $2 WHERE id = $1";
inline constexpr const char* kMarkItemRefunded =
    "UPDATE order_items SET refunded = TRUE WHERE id = $1 AND refunded = FALSE";

// --- payments and refunds ------------------------------------------------------------------------

inline constexpr auto kPaymentRow = row_mapping<Payment>({
    DL_COLUMNS(Payment, id, order_id, provider, method, provider_reference, amount_minor, currency,
               status, created_at, updated_at),
});
inline constexpr RowTable<kPaymentRow, "payments"> kPaymentTable{"payment"};

inline constexpr auto kSelectOrderPayment = kPaymentTable.where("order_id = $1");
inline constexpr auto kSelectPaymentByReference = kPaymentTable.where("provider_reference = $1");

inline constexpr const char* kInsertPayment =
    "INSERT INTO payments (id, order_id, provider, method, provider_reference, amount_minor, "
    "currency, status, raw_event, created_at, updated_at) VALUES ($1, $2, $3, $4, NULL, $5, $6, "
    "'pending', NULL, $7, $7)";
// Moves a payment from one status to the next, keeping the event that moved it.
inline constexpr const char* kMovePayment =
    "UPDATE payments SET status = $3, raw_event = COALESCE($4, raw_event), updated_at = $5 "
    "WHERE id = $1 AND status = $2";
inline constexpr const char* kSetPaymentReference =
    "UPDATE payments SET provider_reference = $2, raw_event = $3, updated_at = $4 WHERE id = $1";

inline constexpr auto kRefundRow = row_mapping<Refund>({
    DL_COLUMNS(Refund, id, order_id, order_item_id, amount_minor, currency, reason, created_at,
               status),
});
inline constexpr auto kSelectOrderRefunds =
    select_where<kRefundRow>("refunds", "order_id = $1 ORDER BY id");
// A refund reserved before the processor is asked; nothing when the item has one.
inline constexpr const char* kReserveRefund =
    "INSERT INTO refunds (id, order_id, order_item_id, payment_id, amount_minor, currency, "
    "reason, created_by, created_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
    "'requested') ON CONFLICT DO NOTHING";
inline constexpr const char* kSettleRefund =
    "UPDATE refunds SET status = 'succeeded' WHERE id = $1 AND status = 'requested'";
inline constexpr const char* kDropRequestedRefunds =
    "DELETE FROM refunds WHERE order_id = $1 AND status = 'requested'";

inline constexpr const char* kInsertPaymentEvent =
    "INSERT INTO payment_events (id, payment_id, type, created, payload, received_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING";

// --- sponsors and sponsorship requests -----------------------------------------------------------

inline constexpr auto kSponsorRow = row_mapping<Sponsor>({
    DL_COLUMNS(Sponsor, id, name, kind, organization_id, manager_id, contact_email, created_at),
});
inline constexpr RowTable<kSponsorRow, "sponsors"> kSponsorTable{"sponsor"};

inline constexpr auto kListSponsors = kSponsorTable.where("" DL_KEYSET_DESC(id, 1, 2));

inline constexpr auto kInsertSponsor =
    insert_into<"sponsors",
                "id, name, kind, organization_id, manager_id, contact_email, created_at">();

inline constexpr auto kRequestRow = row_mapping<SponsorshipRequest>({
    DL_COLUMNS_OF(r, SponsorshipRequest, id, sponsor_id, user_id, course_id, status, message),
    {"o.id", &SponsorshipRequest::order_id},
    DL_COLUMNS_OF(r, SponsorshipRequest, decided_by, decided_at, created_at, updated_at),
});
inline constexpr RowTable<
    kRequestRow, "sponsorship_requests r LEFT JOIN orders o ON o.sponsorship_request_id = r.id",
    "r.id">
    kRequestTable{"sponsorship request"};

// The requests the user made or may decide (as a sponsor's manager).
inline constexpr auto kListRequests = kRequestTable.where(
    "(r.user_id = $1 OR r.sponsor_id IN (SELECT id FROM sponsors WHERE manager_id = $1)) "
    "AND " DL_KEYSET_DESC(r.id, 2, 3));

inline constexpr const char* kInsertRequest =
    "INSERT INTO sponsorship_requests (id, sponsor_id, user_id, course_id, status, message, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, 'requested', $5, $6, $6)";
inline constexpr const char* kDecideRequest =
    "UPDATE sponsorship_requests SET status = $2, decided_by = $3, decided_at = $4, "
    "updated_at = $4 WHERE id = $1 AND status = 'requested'";

// --- financial aid -------------------------------------------------------------------------------

inline constexpr auto kAidRow = row_mapping<AidApplication>({
    DL_COLUMNS_OF(a, AidApplication, id, user_id, course_id, status, statement, discount_percent),
    {"(SELECT i.order_id FROM order_items i WHERE i.aid_application_id = a.id)",
     &AidApplication::used_order_id},
    DL_COLUMNS_OF(a, AidApplication, reviewed_by, reviewed_at, created_at, updated_at),
});
inline constexpr RowTable<kAidRow, "financial_aid_applications a", "a.id"> kAidTable{
    "financial aid"};

// The approved application of the user for the course not yet used by a checkout.
inline constexpr auto kSelectUsableAid = kAidTable.where(
    "a.user_id = $1 AND a.course_id = $2 AND a.status = 'approved' AND NOT EXISTS "
    "(SELECT 1 FROM order_items i WHERE i.aid_application_id = a.id) ORDER BY a.id LIMIT 1");
// Everyone's applications ($1 = '') or one user's.
inline constexpr auto kListAid =
    kAidTable.where("($1 = '' OR CAST(a.user_id AS TEXT) = $1) AND " DL_KEYSET_DESC(a.id, 2, 3));

inline constexpr const char* kInsertAid =
    "INSERT INTO financial_aid_applications (id, user_id, course_id, status, statement, "
    "created_at, updated_at) VALUES ($1, $2, $3, 'submitted', $4, $5, $5)";
inline constexpr const char* kReviewAid =
    "UPDATE financial_aid_applications SET status = $2, discount_percent = $3, reviewed_by = $4, "
    "reviewed_at = $5, updated_at = $5 WHERE id = $1 AND status = 'submitted'";

}  // namespace deltalabs::commerce::sql
