#pragma once

#include <optional>
#include <string>

#include "content/model.h"
#include "content/section_service.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/database.h"

namespace deltalabs::content {

// The typed content items of sections: visible with their course, added by
// whoever may edit it, who also changes, moves and deletes them.
class ContentItemService {
 public:
  ContentItemService(Database& db, SectionService& sections) : db_(db), sections_(sections) {}

  // A page of a visible section's items in order.
  Result<Page<ContentItem>> list(const Actor& actor, const std::string& section_id,
                                 const PageRequest& page);
  // Appends an item to a section the actor may edit.
  Result<ContentItem> create(const Actor& actor, const std::string& section_id,
                             const ContentItemInput& input);
  // Changes an item of a section the actor may edit, or moves it within its section.
  Result<ContentItem> update(const Actor& actor, const std::string& id,
                             const ContentItemChange& change);
  // Deletes an item (with every learner's progress on it); later items move up.
  Status remove(const Actor& actor, const std::string& id);

  // Inside another domain's transaction (learning's progress): whether the
  // item is required, or nullopt when it is not an item of the course.
  static Result<std::optional<bool>> required_in_course(Connection& c, const std::string& item_id,
                                                        const std::string& course_id);

 private:
  // The item when the actor may edit its section: 404 when they cannot see it, 403 when only see.
  Result<ContentItem> editable(const Actor& actor, const std::string& id);

  Database& db_;
  SectionService& sections_;
};

}  // namespace deltalabs::content
