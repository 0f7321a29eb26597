#include "commerce/pricing.h"

#include <algorithm>

namespace deltalabs::commerce {

namespace {

std::int64_t percent_of(std::int64_t amount, std::int64_t percent) {
  return amount * percent / 100;
}

}  // namespace

PricedOrder Pricing::price(std::vector<PriceLine> lines, const std::optional<CouponTerms>& coupon) {
  PricedOrder out;
  std::int64_t amount_left = coupon && coupon->amount_off_minor ? *coupon->amount_off_minor : 0;
  for (auto& line : lines) {
    const std::int64_t gross = line.unit_price_minor * line.quantity;
    std::int64_t discount = line.aid_percent ? percent_of(gross, *line.aid_percent) : 0;
    std::int64_t coupon_part = 0;
    if (coupon && coupon->percent_off)
      coupon_part = percent_of(gross - discount, *coupon->percent_off);
    if (amount_left > 0) {
      coupon_part = std::min(amount_left, gross - discount);
      amount_left -= coupon_part;
    }
    discount += coupon_part;
    line.discount_minor = discount;
    line.total_minor = gross - discount;
    out.subtotal_minor += gross;
    out.discount_minor += discount;
    out.total_minor += line.total_minor;
    out.coupon_discount_minor += coupon_part;
  }
  out.lines = std::move(lines);
  return out;
}

}  // namespace deltalabs::commerce
