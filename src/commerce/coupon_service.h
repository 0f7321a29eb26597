#pragma once

#include "commerce/model.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "storage/database.h"

namespace deltalabs::commerce {

// Coupons are created and listed by holders of coupons:manage; buyers use
// them by code at checkout (CheckoutService).
class CouponService {
 public:
  CouponService(Database& db, const identity::AuthorizationService& authz)
      : db_(db), authz_(authz) {}

  // A page of coupons, newest first.
  Result<Page<Coupon>> list(const Actor& actor, const PageRequest& page);
  // Creates a coupon (code upper-cased); 409 COUPON_CODE_TAKEN; 400 when the
  // terms do not match the kind or the window is empty.
  Result<Coupon> create(const Actor& actor, Coupon input);

 private:
  Database& db_;
  const identity::AuthorizationService& authz_;
};

}  // namespace deltalabs::commerce
