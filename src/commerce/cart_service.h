#pragma once

#include <string>

#include "catalog/course_service.h"
#include "commerce/model.h"
#include "core/actor.h"
#include "core/result.h"
#include "learning/enrollment_service.h"
#include "storage/database.h"

namespace deltalabs::commerce {

// A signed-in user's cart: one open per user, created on first use. A course
// is added once (quantity 1) when it is published and the user is not
// enrolled in it; a resource with the quantity asked for (1..100) while that
// many are in stock. All lines share one currency (409 MIXED_CURRENCIES).
// Prices are shown as they are now and re-read at checkout.
class CartService {
 public:
  CartService(Database& db, catalog::CourseService& courses,
              learning::EnrollmentService& enrollments)
      : db_(db), courses_(courses), enrollments_(enrollments) {}

  // The actor's open cart (an empty one when they have none yet).
  Result<Cart> get(const Actor& actor);
  // Adds an item and returns the cart; 404 for an unknown course or resource,
  // 409 ITEM_ALREADY_IN_CART, ALREADY_ENROLLED, COURSE_NOT_PUBLISHED,
  // OUT_OF_STOCK or MIXED_CURRENCIES.
  Result<Cart> add(const Actor& actor, const CartItemInput& input);
  // Removes a line; 404 CART_ITEM_NOT_FOUND when the cart has no such line.
  Result<Cart> remove(const Actor& actor, const std::string& item_id);

 private:
  Database& db_;
  catalog::CourseService& courses_;
  learning::EnrollmentService& enrollments_;
};

}  // namespace deltalabs::commerce
