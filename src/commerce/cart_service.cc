#include "commerce/cart_service.h"

#include "commerce/cart_repository.h"
#include "commerce/funding_repository.h"
#include "commerce/pricing.h"
#include "core/uuid.h"

namespace deltalabs::commerce {

namespace {

// The current price of what the input names.
struct Offer {
  std::int64_t price_minor = 0;
  std::string currency;
};

// The cart priced as checkout would price it without a coupon: each course
// line less the buyer's approved, unused financial aid for it.
Result<Cart> with_totals(Connection& c, const std::string& user_id, Cart cart) {
  std::vector<PriceLine> lines;
  lines.reserve(cart.items.size());
  for (const CartItem& item : cart.items) {
    PriceLine line{item.unit_price_minor, item.quantity, std::nullopt, 0, 0};
    if (item.item_type == "course") {
      DL_ASSIGN_OR_RETURN(auto aid, FundingRepository::usable_aid(c, user_id, item.item_id));
      if (aid) line.aid_percent = aid->discount_percent;
    }
    lines.push_back(line);
  }
  const PricedOrder priced = Pricing::price(std::move(lines), std::nullopt);
  cart.discount_minor = priced.discount_minor;
  cart.total_minor = cart.subtotal_minor - priced.discount_minor;
  return cart;
}

// The user's open cart, priced; an empty one when they have none yet.
Result<Cart> open_cart(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(auto cart, CartRepository::find_open(c, user_id));
  if (!cart) return Cart{"", user_id, "open", std::nullopt, {}, 0, "", "", 0, 0};
  return with_totals(c, user_id, std::move(*cart));
}

}  // namespace

Result<Cart> CartService::get(const Actor& actor) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return open_cart(*conn, actor.user_id);
}

Result<Cart> CartService::add(const Actor& actor, const CartItemInput& raw) {
  CartItemInput input = raw;
  input.item_id = canonical_id(raw.item_id);
  return db_.transaction([&](Connection& c) -> Result<Cart> {
    Offer offer;
    if (input.item_type == "course") {
      if (input.quantity != 1)
        return Error::invalid("The request body is not valid.",
                              {{"quantity", "a course is bought once (quantity 1)"}});
      DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.visible(c, actor, input.item_id));
      if (course.status != "published")
        return Error::conflict("COURSE_NOT_PUBLISHED", "The course is not on sale now.");
      DL_ASSIGN_OR_RETURN(learning::Participation p,
                          enrollments_.participation(c, actor, course.id));
      if (p.member && !p.staff) {
        DL_ASSIGN_OR_RETURN(bool manager, enrollments_.manages(c, actor, course.id));
        if (!manager)
          return Error::conflict("ALREADY_ENROLLED", "You are already enrolled in this course.");
      }
      offer = {course.price.amount_minor, course.price.currency};
    } else {
      DL_ASSIGN_OR_RETURN(ResourceOffer r, CartRepository::resource(c, input.item_id));
      if (r.stock < input.quantity)
        return Error::conflict("OUT_OF_STOCK", "Only " + std::to_string(r.stock) + " of \"" +
                                                   r.title + "\" are left.");
      offer = {r.price_minor, r.currency};
    }
    DL_ASSIGN_OR_RETURN(Cart cart, CartRepository::open_for(c, actor.user_id));
    if (cart.currency && *cart.currency != offer.currency) {
      return Error::conflict("MIXED_CURRENCIES", "Your cart holds items priced in " +
                                                     *cart.currency + "; check them out first.");
    }
    DL_TRY(CartRepository::add_item(c, cart.id, input, offer.price_minor, offer.currency));
    return open_cart(c, actor.user_id);
  });
}

Result<Cart> CartService::remove(const Actor& actor, const std::string& item_id) {
  return db_.transaction([&](Connection& c) -> Result<Cart> {
    DL_ASSIGN_OR_RETURN(auto cart, CartRepository::find_open(c, actor.user_id));
    if (!cart) return Error::not_found("cart item");
    DL_ASSIGN_OR_RETURN(bool removed,
                        CartRepository::remove_item(c, cart->id, canonical_id(item_id)));
    if (!removed) return Error::not_found("cart item");
    return open_cart(c, actor.user_id);
  });
}

}  // namespace deltalabs::commerce
