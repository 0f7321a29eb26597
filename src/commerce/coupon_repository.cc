#include "commerce/coupon_repository.h"

#include "commerce/commerce_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::commerce {

Result<std::optional<Coupon>> CouponRepository::find_by_code(Connection& c,
                                                             const std::string& code) {
  return sql::kCouponTable.first(c, sql::kSelectCouponByCode, {code});
}

Result<Page<Coupon>> CouponRepository::list(Connection& c, const PageRequest& page) {
  return sql::kCouponTable.page(c, sql::kListCoupons, {}, page);
}

Result<Coupon> CouponRepository::insert(Connection& c, const Coupon& coupon,
                                        const std::string& created_by) {
  const std::string id = new_uuid_v7();
  auto inserted =
      c.execute(sql::kInsertCoupon,
                {id, coupon.code, coupon.kind, coupon.percent_off, coupon.amount_off_minor,
                 coupon.currency, coupon.max_redemptions, coupon.per_user_limit, coupon.valid_from,
                 coupon.valid_until, created_by, format_rfc3339(now())});
  if (!inserted.ok()) {
    if (inserted.error().code == storage_code::kUniqueViolation)
      return Error::conflict("COUPON_CODE_TAKEN", "A coupon with this code exists.");
    return std::move(inserted).error();
  }
  return sql::kCouponTable.find(c, id);
}

Result<bool> CouponRepository::redeem(Connection& c, const std::string& coupon_id) {
  DL_ASSIGN_OR_RETURN(std::int64_t counted, c.execute(sql::kRedeemCoupon, {coupon_id}));
  return counted == 1;
}

Result<std::int64_t> CouponRepository::user_redemptions(Connection& c, const std::string& coupon_id,
                                                        const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCountUserRedemptions, {coupon_id, user_id}));
  return rows[0].integer(0);
}

Status CouponRepository::record(Connection& c, const std::string& coupon_id,
                                const std::string& order_id, const std::string& user_id,
                                std::int64_t amount_minor) {
  DL_TRY(c.execute(sql::kInsertRedemption, {new_uuid_v7(), coupon_id, order_id, user_id,
                                            amount_minor, format_rfc3339(now())}));
  return {};
}

Status CouponRepository::release(Connection& c, const std::string& coupon_id,
                                 const std::string& order_id) {
  DL_ASSIGN_OR_RETURN(std::int64_t removed, c.execute(sql::kDeleteRedemption, {order_id}));
  if (removed == 1) DL_TRY(c.execute(sql::kReleaseRedemption, {coupon_id}));
  return {};
}

}  // namespace deltalabs::commerce
