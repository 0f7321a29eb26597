#include "content/content_item_service.h"

#include "content/content_item_repository.h"

namespace deltalabs::content {

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
  return db_.transaction([&](Connection& c) -> Result<ContentItem> {
    DL_ASSIGN_OR_RETURN(std::string id, ContentItemRepository::insert(c, section.id, input));
    return ContentItemRepository::find(c, id);
  });
}

}  // namespace deltalabs::content
