#pragma once

#include "commerce/aid_service.h"
#include "commerce/coupon_service.h"
#include "commerce/sponsorship_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"

namespace deltalabs::commerce {

// /v1/coupons, /v1/sponsors, /v1/sponsorship-requests and /v1/financial-aid.
void register_funding_routes(http::Router& router, CouponService& coupons,
                             SponsorshipService& sponsorships, AidService& aid,
                             const CursorCodec& cursors);

}  // namespace deltalabs::commerce
