#include "content/content_item_repository.h"

#include "content/content_sql.h"
#include "content/section_repository.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::content {

namespace {

ContentItem item_from(const Row& r) {
  return ContentItem{r.text(0),    r.text(1),    r.text(2), r.text(3), r.text(4),
                     r.boolean(5), r.integer(6), r.text(7), r.text(8)};
}

}  // namespace

Result<std::string> ContentItemRepository::insert(Connection& c, const std::string& section_id,
                                                  const ContentItemInput& in) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertItem, {id, section_id, in.item_type, in.title, in.body,
                                      in.is_required, format_rfc3339(now())}));
  return id;
}

Result<ContentItem> ContentItemRepository::find(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectItem, {id}));
  if (rows.empty()) return Error::not_found("content item");
  return item_from(rows[0]);
}

Result<Page<ContentItem>> ContentItemRepository::list(Connection& c, const std::string& section_id,
                                                      const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(std::int64_t after, position_after(page));
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kListItems, {section_id, after, page.limit + 1}));
  std::vector<ContentItem> items;
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(item_from(rows[i]));
  return make_page(std::move(items), page.limit,
                   [](const ContentItem& i) { return std::to_string(i.position); });
}

}  // namespace deltalabs::content
