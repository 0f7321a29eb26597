#include "content/content_item_repository.h"

#include "content/content_sql.h"
#include "content/ordered_positions.h"
#include "content/section_repository.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::content {

namespace {

const OrderedPositions kPositions({sql::kCountItems, sql::kNegateItemRange, sql::kPlaceItemRange,
                                   sql::kNegateItemsAfter, sql::kCloseItemGap});

}  // namespace

Result<std::string> ContentItemRepository::insert(Connection& c, const std::string& section_id,
                                                  const ContentItemInput& in) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertItem, {id, section_id, in.item_type, in.title, in.body,
                                      in.is_required, format_rfc3339(now())}));
  return id;
}

Result<ContentItem> ContentItemRepository::find(Connection& c, const std::string& id) {
  return sql::kContentItems.find(c, id);
}

Result<Page<ContentItem>> ContentItemRepository::list(Connection& c, const std::string& section_id,
                                                      const PageRequest& page) {
  return sql::kContentItems.position_page(c, sql::kListItems, {section_id}, page);
}

Status ContentItemRepository::update(Connection& c, const ContentItem& item,
                                     const ContentItemChange& change) {
  DL_TRY(c.execute(sql::kUpdateItem, {item.id, change.title, change.body, change.is_required,
                                      format_rfc3339(now())}));
  if (!change.position) return {};
  return kPositions.move(c, item.section_id, item.id, item.position, *change.position);
}

Status ContentItemRepository::remove(Connection& c, const ContentItem& item) {
  DL_TRY(c.execute(sql::kDeleteItem, {item.id}));
  return kPositions.close_gap(c, item.section_id, item.position);
}

Result<std::optional<bool>> ContentItemRepository::required_in_course(
    Connection& c, const std::string& item_id, const std::string& course_id) {
  if (!is_uuid(item_id)) return std::optional<bool>{};
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kItemIsRequiredInCourse, {item_id, course_id}));
  if (rows.empty()) return std::optional<bool>{};
  return std::optional<bool>{rows[0].boolean(0)};
}

}  // namespace deltalabs::content
