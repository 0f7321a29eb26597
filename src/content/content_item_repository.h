#pragma once

#include <optional>
#include <string>

#include "content/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::content {

// Reads and writes the content items of sections. Stateless.
class ContentItemRepository {
 public:
  // Appends an item to its section; returns its id.
  static Result<std::string> insert(Connection& c, const std::string& section_id,
                                    const ContentItemInput& input);
  // The item, or 404 CONTENT_ITEM_NOT_FOUND.
  static Result<ContentItem> find(Connection& c, const std::string& id);
  // A page of a section's items in order; positions are the cursor.
  static Result<Page<ContentItem>> list(Connection& c, const std::string& section_id,
                                        const PageRequest& page);
  // Changes the item and moves it to `change.position` within its section.
  static Status update(Connection& c, const ContentItem& item, const ContentItemChange& change);
  // Deletes the item (and the progress on it) and closes the gap it leaves.
  static Status remove(Connection& c, const ContentItem& item);
  // Whether the item is required, or nullopt when it is not an item of the course.
  static Result<std::optional<bool>> required_in_course(Connection& c, const std::string& item_id,
                                                        const std::string& course_id);
};

}  // namespace deltalabs::content
