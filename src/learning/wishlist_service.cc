#include "learning/wishlist_service.h"

#include "core/uuid.h"
#include "learning/wishlist_repository.h"
#include "platform/activity_log.h"

namespace deltalabs::learning {

Result<Page<WishlistItem>> WishlistService::list(const Actor& actor, const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return WishlistRepository::list(*conn, actor.user_id, page);
}

Result<WishlistItem> WishlistService::add(const Actor& actor, const std::string& course_id) {
  return db_.transaction([&](Connection& c) -> Result<WishlistItem> {
    DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.visible(c, actor, course_id));
    if (course.status != "published") {
      return Error::conflict("COURSE_NOT_PUBLISHED",
                             "Only published courses can go on a wishlist.");
    }
    DL_TRY(WishlistRepository::insert(c, actor.user_id, course.id));
    DL_TRY(ActivityLog::record(c, actor.user_id,
                               {{}, "wishlist.added", course.id, std::nullopt, "{}", {}}));
    return WishlistRepository::find(c, actor.user_id, course.id);
  });
}

Status WishlistService::remove(const Actor& actor, const std::string& course_id) {
  const std::string id = canonical_id(course_id);
  if (!is_uuid(id)) return Error::not_found("wishlist item");
  return db_.transaction([&](Connection& c) -> Status {
    DL_ASSIGN_OR_RETURN(bool removed, WishlistRepository::remove(c, actor.user_id, id));
    if (!removed) return Error::not_found("wishlist item");
    return ActivityLog::record(c, actor.user_id,
                               {{}, "wishlist.removed", id, std::nullopt, "{}", {}});
  });
}

}  // namespace deltalabs::learning
