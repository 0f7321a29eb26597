#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "commerce/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::commerce {

// Rows of coupons and their redemptions. redeem() is the only way a
// redemption is counted: a conditional increment, exact under concurrency.
class CouponRepository {
 public:
  // The coupon with this (upper-case) code, if any.
  static Result<std::optional<Coupon>> find_by_code(Connection& c, const std::string& code);
  // A page of coupons, newest first.
  static Result<Page<Coupon>> list(Connection& c, const PageRequest& page);
  // Inserts a coupon; 409 COUPON_CODE_TAKEN when the code exists.
  static Result<Coupon> insert(Connection& c, const Coupon& coupon, const std::string& created_by);
  // Counts one more redemption; false when none are left.
  static Result<bool> redeem(Connection& c, const std::string& coupon_id);
  // How many times the user has redeemed the coupon.
  static Result<std::int64_t> user_redemptions(Connection& c, const std::string& coupon_id,
                                               const std::string& user_id);
  // Records the redemption by an order.
  static Status record(Connection& c, const std::string& coupon_id, const std::string& order_id,
                       const std::string& user_id, std::int64_t amount_minor);
  // Gives an order's redemption back (the order was cancelled).
  static Status release(Connection& c, const std::string& coupon_id, const std::string& order_id);
};

}  // namespace deltalabs::commerce
