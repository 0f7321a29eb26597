// Commerce pricing and status rules: discounts in integer minor units that
// round in the shop's favour and always add up (subtotal - discount = total
// per line and per order), and the one table of allowed status changes.

#include <gtest/gtest.h>

#include "commerce/pricing.h"
#include "commerce/status_transitions.h"

namespace deltalabs::commerce {
namespace {

PriceLine line(std::int64_t unit, std::int64_t quantity = 1,
               std::optional<std::int64_t> aid = std::nullopt) {
  PriceLine l;
  l.unit_price_minor = unit;
  l.quantity = quantity;
  l.aid_percent = aid;
  return l;
}

TEST(CommercePricing, WithoutDiscountsTheTotalIsTheSubtotal) {
  const PricedOrder p = Pricing::price({line(4999), line(1500, 3)}, std::nullopt);
  EXPECT_EQ(p.subtotal_minor, 9499);
  EXPECT_EQ(p.discount_minor, 0);
  EXPECT_EQ(p.total_minor, 9499);
}

TEST(CommercePricing, PercentCouponRoundsEachLineDown) {
  const PricedOrder p = Pricing::price({line(1000), line(333)}, CouponTerms{10, std::nullopt});
  EXPECT_EQ(p.lines[0].discount_minor, 100);
  EXPECT_EQ(p.lines[1].discount_minor, 33);  // 33.3 rounds down
  EXPECT_EQ(p.total_minor, 1200);
  EXPECT_EQ(p.coupon_discount_minor, 133);
}

TEST(CommercePricing, AmountCouponIsSpreadInOrderAndNeverExceedsTheLines) {
  const PricedOrder p = Pricing::price({line(1000), line(333)}, CouponTerms{std::nullopt, 1200});
  EXPECT_EQ(p.lines[0].total_minor, 0);
  EXPECT_EQ(p.lines[1].discount_minor, 200);
  EXPECT_EQ(p.total_minor, 133);
  const PricedOrder over = Pricing::price({line(100)}, CouponTerms{std::nullopt, 5000});
  EXPECT_EQ(over.total_minor, 0);
  EXPECT_EQ(over.coupon_discount_minor, 100);
}

TEST(CommercePricing, AidApplesFirstThenTheCouponOnWhatIsLeft) {
  const PricedOrder p = Pricing::price({line(2000, 1, 75)}, CouponTerms{10, std::nullopt});
  EXPECT_EQ(p.lines[0].discount_minor, 1500 + 50);
  EXPECT_EQ(p.total_minor, 450);
  for (const auto& l : p.lines)
    EXPECT_EQ(l.unit_price_minor * l.quantity - l.discount_minor, l.total_minor);
}

TEST(CommerceStatusTransitions, AllowOnlyTheTableAndNameBothStatusesOtherwise) {
  EXPECT_TRUE(StatusTransitions::allowed("order", "pending", "paid"));
  EXPECT_TRUE(StatusTransitions::allowed("order", "paid", "partially_refunded"));
  EXPECT_FALSE(StatusTransitions::allowed("order", "refunded", "paid"));
  EXPECT_FALSE(StatusTransitions::allowed("order", "cancelled", "paid"));
  EXPECT_FALSE(StatusTransitions::allowed("payment", "succeeded", "failed"));
  EXPECT_FALSE(StatusTransitions::allowed("financial_aid", "approved", "rejected"));
  const Status refused = StatusTransitions::require("order", "refunded", "paid", "X");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "X");
  EXPECT_NE(refused.error().message.find("refunded"), std::string::npos);
}

}  // namespace
}  // namespace deltalabs::commerce
