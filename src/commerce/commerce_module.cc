#include "commerce/commerce_module.h"

#include "commerce/funding_handlers.h"
#include "commerce/order_handlers.h"
#include "commerce/payment_webhook_handlers.h"

namespace deltalabs::commerce {

CommerceModule::CommerceModule(Database& db, CommitDurability& durable,
                               const identity::AuthorizationService& authz,
                               catalog::CourseService& courses,
                               learning::EnrollmentService& enrollments, const CursorCodec& cursors,
                               LabBookingSettlement& lab_bookings, const CardSettings& card)
    : db_(db),
      authz_(authz),
      courses_(courses),
      cursors_(cursors),
      durable_(durable),
      card_(card.api_url.empty() ? nullptr : std::make_unique<CardProvider>(card)),
      providers_{{"offline", &offline_}},
      carts_(db, courses, enrollments),
      coupons_(db, authz),
      sponsorships_(db, durable_, courses),
      aid_(db, authz, courses),
      webhooks_(db, durable_, card, lab_bookings) {
  if (card_) providers_["card"] = card_.get();
  checkout_ = std::make_unique<CheckoutService>(db, durable_, courses, providers_);
  orders_ = std::make_unique<OrderService>(db, durable_, authz, providers_, lab_bookings);
}

void CommerceModule::register_routes(http::Router& router) {
  register_order_routes(router, carts_, *checkout_, *orders_, cursors_);
  register_funding_routes(router, coupons_, sponsorships_, aid_, cursors_);
  register_webhook_routes(router, webhooks_);
}

}  // namespace deltalabs::commerce
