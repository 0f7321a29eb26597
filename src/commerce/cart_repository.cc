#include "commerce/cart_repository.h"

#include "commerce/commerce_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::commerce {

namespace {

CartItem item_from(const Row& r) {
  CartItem i = sql::kCartItemRow.read(r);
  i.line_total_minor = i.quantity * i.unit_price_minor;
  return i;
}

Result<Cart> with_items(Connection& c, const Row& r) {
  Cart cart = sql::kCartRow.read(r);
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectCartItems, {cart.id}));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    cart.items.push_back(item_from(rows[i]));
    cart.subtotal_minor += cart.items.back().line_total_minor;
    cart.currency = cart.items.back().currency;
  }
  return cart;
}

}  // namespace

Result<std::optional<Cart>> CartRepository::find_open(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectOpenCart, {user_id}));
  if (rows.empty()) return std::optional<Cart>{};
  DL_ASSIGN_OR_RETURN(Cart cart, with_items(c, rows[0]));
  return std::optional<Cart>{std::move(cart)};
}

Result<Cart> CartRepository::open_for(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(auto existing, find_open(c, user_id));
  if (existing) return std::move(*existing);
  DL_TRY(c.execute(sql::kInsertCart, {new_uuid_v7(), user_id, format_rfc3339(now())}));
  DL_ASSIGN_OR_RETURN(auto created, find_open(c, user_id));
  if (!created) return Error::conflict("CART_CHANGED", "The cart changed meanwhile; try again.");
  return std::move(*created);
}

Result<std::string> CartRepository::add_item(Connection& c, const std::string& cart_id,
                                             const CartItemInput& input,
                                             std::int64_t unit_price_minor,
                                             const std::string& currency) {
  std::string id = new_uuid_v7();
  const bool course = input.item_type == "course";
  std::optional<std::string> course_id, resource_id;
  (course ? course_id : resource_id) = input.item_id;
  auto inserted = c.execute(sql::kInsertCartItem,
                            {id, cart_id, input.item_type, course_id, resource_id, input.quantity,
                             unit_price_minor, currency, format_rfc3339(now())});
  if (!inserted.ok()) {
    if (inserted.error().code == storage_code::kUniqueViolation)
      return Error::conflict("ITEM_ALREADY_IN_CART", "This item is already in your cart.");
    return std::move(inserted).error();
  }
  DL_TRY(c.execute(sql::kTouchCart, {cart_id, format_rfc3339(now())}));
  return id;
}

Status CartRepository::restore_item(Connection& c, const std::string& cart_id,
                                    const CartItemInput& input, std::int64_t unit_price_minor,
                                    const std::string& currency) {
  std::optional<std::string> course_id, resource_id;
  (input.item_type == "course" ? course_id : resource_id) = input.item_id;
  const std::string at = format_rfc3339(now());
  DL_TRY(c.execute(sql::kRestoreCartItem,
                   {new_uuid_v7(), cart_id, input.item_type, course_id, resource_id, input.quantity,
                    unit_price_minor, currency, at}));
  DL_TRY(c.execute(sql::kTouchCart, {cart_id, at}));
  return {};
}

Result<bool> CartRepository::remove_item(Connection& c, const std::string& cart_id,
                                         const std::string& item_id) {
  if (!is_uuid(item_id)) return false;
  DL_ASSIGN_OR_RETURN(std::int64_t removed, c.execute(sql::kDeleteCartItem, {item_id, cart_id}));
  if (removed == 1) DL_TRY(c.execute(sql::kTouchCart, {cart_id, format_rfc3339(now())}));
  return removed == 1;
}

Result<bool> CartRepository::lock(Connection& c, const std::string& cart_id) {
  DL_ASSIGN_OR_RETURN(std::int64_t locked, c.execute(sql::kLockCart, {cart_id}));
  return locked == 1;
}

Status CartRepository::check_out(Connection& c, const std::string& cart_id) {
  DL_TRY(c.execute(sql::kCheckOutCart, {cart_id, format_rfc3339(now())}));
  return {};
}

Result<ResourceOffer> CartRepository::resource(Connection& c, const std::string& id) {
  return sql::kResourceOfferTable.find(c, id);
}

}  // namespace deltalabs::commerce
