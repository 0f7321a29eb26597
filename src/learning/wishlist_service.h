#pragma once

#include <string>

#include "catalog/course_service.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "learning/model.h"
#include "storage/database.h"

namespace deltalabs::learning {

// A user's own wishlist of published courses; adding and removing append
// activity events.
class WishlistService {
 public:
  WishlistService(Database& db, catalog::CourseService& courses) : db_(db), courses_(courses) {}

  // A page of the actor's wishlist, most recently added first.
  Result<Page<WishlistItem>> list(const Actor& actor, const PageRequest& page);
  // Adds a published course the actor may see; 409 ALREADY_IN_WISHLIST when it is there.
  Result<WishlistItem> add(const Actor& actor, const std::string& course_id);
  // Removes a course; 404 WISHLIST_ITEM_NOT_FOUND when it is not there.
  Status remove(const Actor& actor, const std::string& course_id);

 private:
  Database& db_;
  catalog::CourseService& courses_;
};

}  // namespace deltalabs::learning
