#include "learning/wishlist_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "learning/learning_sql.h"

namespace deltalabs::learning {

Status WishlistRepository::insert(Connection& c, const std::string& user_id,
                                  const std::string& course_id) {
  auto inserted = c.execute(sql::kInsertWishlistItem,
                            {new_uuid_v7(), user_id, course_id, format_rfc3339(now())});
  if (inserted.ok()) return {};
  if (inserted.error().code == storage_code::kUniqueViolation)
    return Error::conflict("ALREADY_IN_WISHLIST", "The course is already on your wishlist.");
  return std::move(inserted).error();
}

Result<bool> WishlistRepository::remove(Connection& c, const std::string& user_id,
                                        const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(std::int64_t removed,
                      c.execute(sql::kDeleteWishlistItem, {user_id, course_id}));
  return removed > 0;
}

Result<WishlistItem> WishlistRepository::find(Connection& c, const std::string& user_id,
                                              const std::string& course_id) {
  return sql::kWishlistItemTable.find_by(c, sql::kSelectWishlistItem, {user_id, course_id});
}

Result<Page<WishlistItem>> WishlistRepository::list(Connection& c, const std::string& user_id,
                                                    const PageRequest& page) {
  return sql::kWishlistItemTable.page(c, sql::kListWishlist, {user_id}, page);
}

}  // namespace deltalabs::learning
