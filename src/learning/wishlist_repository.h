#pragma once

#include <string>

#include "core/page.h"
#include "core/result.h"
#include "learning/model.h"
#include "storage/connection.h"

namespace deltalabs::learning {

// Rows of wishlist_items: one per user and course.
class WishlistRepository {
 public:
  // Adds the course; 409 ALREADY_IN_WISHLIST when it is there.
  static Status insert(Connection& c, const std::string& user_id, const std::string& course_id);
  // Removes the course; false when it was not there.
  static Result<bool> remove(Connection& c, const std::string& user_id,
                             const std::string& course_id);
  // The user's entry for the course; 404 WISHLIST_ITEM_NOT_FOUND when absent.
  static Result<WishlistItem> find(Connection& c, const std::string& user_id,
                                   const std::string& course_id);
  // A page of the user's wishlist, most recently added first.
  static Result<Page<WishlistItem>> list(Connection& c, const std::string& user_id,
                                         const PageRequest& page);
};

}  // namespace deltalabs::learning
