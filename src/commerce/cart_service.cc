#include "commerce/cart_service.h"

#include "commerce/cart_repository.h"
#include "core/uuid.h"

namespace deltalabs::commerce {

namespace {

// The current price of what the input names.
struct Offer {
  std::int64_t price_minor = 0;
  std::string currency;
};

}  // namespace

Result<Cart> CartService::get(const Actor& actor) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(auto cart, CartRepository::find_open(*conn, actor.user_id));
  if (cart) return std::move(*cart);
  return Cart{"", actor.user_id, "open", std::nullopt, {}, 0, "", ""};
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
    DL_ASSIGN_OR_RETURN(auto after, CartRepository::find_open(c, actor.user_id));
    return std::move(*after);
  });
}

Result<Cart> CartService::remove(const Actor& actor, const std::string& item_id) {
  return db_.transaction([&](Connection& c) -> Result<Cart> {
    DL_ASSIGN_OR_RETURN(auto cart, CartRepository::find_open(c, actor.user_id));
    if (!cart) return Error::not_found("cart item");
    DL_ASSIGN_OR_RETURN(bool removed,
                        CartRepository::remove_item(c, cart->id, canonical_id(item_id)));
    if (!removed) return Error::not_found("cart item");
    DL_ASSIGN_OR_RETURN(auto after, CartRepository::find_open(c, actor.user_id));
    return std::move(*after);
  });
}

}  // namespace deltalabs::commerce
