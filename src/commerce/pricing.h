#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace deltalabs::commerce {

// One line to price: its gross (unit price × quantity) and an approved aid
// discount, if the buyer has one for it.
struct PriceLine {
  std::int64_t unit_price_minor = 0;
  std::int64_t quantity = 1;
  std::optional<std::int64_t> aid_percent;
  // Set by Pricing::price: the line's discount and what is left to pay.
  std::int64_t discount_minor = 0;
  std::int64_t total_minor = 0;
};

// A coupon's terms as pricing needs them.
struct CouponTerms {
  std::optional<std::int64_t> percent_off;
  std::optional<std::int64_t> amount_off_minor;
};

// The priced order: subtotal - discount = total, and the part of the
// discount the coupon gave.
struct PricedOrder {
  std::vector<PriceLine> lines;
  std::int64_t subtotal_minor = 0;
  std::int64_t discount_minor = 0;
  std::int64_t total_minor = 0;
  std::int64_t coupon_discount_minor = 0;
};

// Prices an order in integer minor units: each line's aid percent first,
// then the coupon (a percent off every line, or an amount spread over the
// lines in order until it is used up). Discounts round down, so the buyer
// never pays less than the rules give, and each line carries its own
// discount so a per-item refund returns exactly what was paid for it.
class Pricing {
 public:
  // The priced lines and totals.
  static PricedOrder price(std::vector<PriceLine> lines, const std::optional<CouponTerms>& coupon);
};

}  // namespace deltalabs::commerce
