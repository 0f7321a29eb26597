#include "learning/wishlist_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "learning/learning_sql.h"

namespace deltalabs::learning {

namespace {

WishlistItem item_from(const Row& r) { return sql::kWishlistItemRow.read(r); }

}  // namespace

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
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectWishlistItem, {user_id, course_id}));
  if (rows.empty()) return Error::not_found("wishlist item");
  return item_from(rows[0]);
}

Result<Page<WishlistItem>> WishlistRepository::list(Connection& c, const std::string& user_id,
                                                    const PageRequest& page) {
  return query_page(c, sql::kListWishlist, {user_id}, page, item_from);
}

}  // namespace deltalabs::learning
