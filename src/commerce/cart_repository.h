#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "commerce/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::commerce {

// Rows of carts, their items and the stock of resources they sell.
class CartRepository {
 public:
  // The user's open cart with its items and subtotal, if they have one.
  static Result<std::optional<Cart>> find_open(Connection& c, const std::string& user_id);
  // The user's open cart, created when they have none (one open per user).
  static Result<Cart> open_for(Connection& c, const std::string& user_id);
  // Adds a line at the given price; 409 ITEM_ALREADY_IN_CART when the target is in it.
  static Result<std::string> add_item(Connection& c, const std::string& cart_id,
                                      const CartItemInput& input, std::int64_t unit_price_minor,
                                      const std::string& currency);
  // Puts a line back (a checkout that charged nothing); no change when the
  // cart holds that target already.
  static Status restore_item(Connection& c, const std::string& cart_id, const CartItemInput& input,
                             std::int64_t unit_price_minor, const std::string& currency);
  // Removes a line of the cart; false when the cart holds no such line.
  static Result<bool> remove_item(Connection& c, const std::string& cart_id,
                                  const std::string& item_id);
  // Locks the open cart's row for the rest of the transaction; false when it is not open.
  static Result<bool> lock(Connection& c, const std::string& cart_id);
  // Marks the cart checked out (the next add opens a new one).
  static Status check_out(Connection& c, const std::string& cart_id);
  // A resource on sale; 404 RESOURCE_NOT_FOUND when absent.
  static Result<ResourceOffer> resource(Connection& c, const std::string& id);
};

}  // namespace deltalabs::commerce
