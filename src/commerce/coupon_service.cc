#include "commerce/coupon_service.h"

#include <algorithm>

#include "commerce/coupon_repository.h"
#include "core/clock.h"

namespace deltalabs::commerce {

namespace {

constexpr const char* kManage = "coupons:manage";

Status check_terms(Coupon& c) {
  std::vector<FieldError> errors;
  if (c.kind == "percent") {
    if (!c.percent_off) errors.push_back({"percent_off", "is required for a percent coupon"});
    if (c.amount_off_minor || c.currency)
      errors.push_back({"amount_off", "is only for an amount coupon"});
  } else {
    if (!c.amount_off_minor || !c.currency)
      errors.push_back({"amount_off", "is required for an amount coupon"});
    if (c.percent_off) errors.push_back({"percent_off", "is only for a percent coupon"});
  }
  for (auto* t : {&c.valid_from, &c.valid_until}) {
    if (!*t) continue;
    const auto parsed = parse_rfc3339(**t);
    if (parsed) **t = format_rfc3339(*parsed);
  }
  if (c.valid_from && c.valid_until && *c.valid_until <= *c.valid_from)
    errors.push_back({"valid_until", "must be after valid_from"});
  if (!errors.empty()) return Error::invalid("The request body is not valid.", std::move(errors));
  return {};
}

}  // namespace

Result<Page<Coupon>> CouponService::list(const Actor& actor, const PageRequest& page) {
  DL_TRY(authz_.require(actor, kManage));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return CouponRepository::list(*conn, page);
}

Result<Coupon> CouponService::create(const Actor& actor, Coupon input) {
  DL_TRY(authz_.require(actor, kManage));
  std::transform(input.code.begin(), input.code.end(), input.code.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
  DL_TRY(check_terms(input));
  return db_.transaction([&](Connection& c) -> Result<Coupon> {
    return CouponRepository::insert(c, input, actor.user_id);
  });
}

}  // namespace deltalabs::commerce
