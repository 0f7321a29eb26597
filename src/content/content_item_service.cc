#include "content/content_item_service.h"

#include "content/content_item_repository.h"
#include "content/positioned_writes.h"
#include "core/uuid.h"

namespace deltalabs::content {

using ItemWrites = PositionedWrites<ContentItem, ContentItemRepository>;

Result<Page<ContentItem>> ContentItemService::list(const Actor& actor,
                                                   const std::string& section_id,
                                                   const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(Section section, sections_.visible(actor, section_id));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return ContentItemRepository::list(*conn, section.id, page);
}

Result<ContentItem> ContentItemService::create(const Actor& actor, const std::string& section_id,
                                               const ContentItemInput& input) {
  DL_ASSIGN_OR_RETURN(Section section, sections_.editable(actor, section_id));
  return ItemWrites::create(db_, section.id, input);
}

Result<ContentItem> ContentItemService::update(const Actor& actor, const std::string& id,
                                               const ContentItemChange& change) {
  DL_ASSIGN_OR_RETURN(ContentItem item, editable(actor, id));
  return ItemWrites::update(db_, item.id, change);
}

Status ContentItemService::remove(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(ContentItem item, editable(actor, id));
  return ItemWrites::remove(db_, item.id);
}

Result<ContentItem> ContentItemService::editable(const Actor& actor, const std::string& id) {
  ContentItem item;
  {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(item, ContentItemRepository::find(*conn, canonical_id(id)));
  }
  auto section = sections_.editable(actor, item.section_id);
  if (!section.ok() && section.error().kind == ErrorKind::kNotFound)
    return Error::not_found("content item");
  DL_TRY(section);
  return item;
}

Result<std::optional<bool>> ContentItemService::required_in_course(Connection& c,
                                                                   const std::string& item_id,
                                                                   const std::string& course_id) {
  return ContentItemRepository::required_in_course(c, item_id, course_id);
}

}  // namespace deltalabs::content
