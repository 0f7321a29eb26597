#pragma once

#include <map>
#include <memory>
#include <string>

#include "catalog/course_service.h"
#include "commerce/aid_service.h"
#include "commerce/card_provider.h"
#include "commerce/cart_service.h"
#include "commerce/checkout_service.h"
#include "commerce/coupon_service.h"
#include "commerce/offline_provider.h"
#include "commerce/order_service.h"
#include "commerce/payment_provider.h"
#include "commerce/payment_webhook_service.h"
#include "commerce/sponsorship_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"
#include "identity/authorization_service.h"
#include "learning/enrollment_service.h"
#include "storage/commit_durability.h"
#include "storage/database.h"

namespace deltalabs::commerce {

// The commerce domain wired together: carts, checkout, orders and refunds,
// coupons, sponsors and sponsorship requests, financial aid, with routes.
// Payment providers: offline always; the card processor when its URL is set.
class CommerceModule {
 public:
  // Builds the services over the catalog (prices) and learning (enrollments).
  // `durable` is the process's one group commit (decision 0016), shared with learning and labs;
  // `lab_bookings` confirms and cancels lab bookings bought through orders
  // (refunds made here or at the card processor), wired by app/.
  CommerceModule(Database& db, CommitDurability& durable,
                 const identity::AuthorizationService& authz, catalog::CourseService& courses,
                 learning::EnrollmentService& enrollments, const CursorCodec& cursors,
                 LabBookingSettlement& lab_bookings, const CardSettings& card = {});

  // Adds every commerce route.
  void register_routes(http::Router& router);

  // Carts.
  CartService& carts() { return carts_; }
  // Checkout.
  CheckoutService& checkout() { return *checkout_; }
  // Orders, refunds, bank transfers.
  OrderService& orders() { return *orders_; }
  // Coupons.
  CouponService& coupons() { return coupons_; }
  // Sponsors and sponsorship requests.
  SponsorshipService& sponsorships() { return sponsorships_; }
  // Financial aid.
  AidService& aid() { return aid_; }

 private:
  Database& db_;
  const identity::AuthorizationService& authz_;
  catalog::CourseService& courses_;
  const CursorCodec& cursors_;
  CommitDurability& durable_;
  OfflineProvider offline_;
  std::unique_ptr<CardProvider> card_;
  std::map<std::string, PaymentProvider*> providers_;
  CartService carts_;
  std::unique_ptr<CheckoutService> checkout_;
  std::unique_ptr<OrderService> orders_;
  CouponService coupons_;
  SponsorshipService sponsorships_;
  AidService aid_;
  PaymentWebhookService webhooks_;
};

}  // namespace deltalabs::commerce
