#pragma once

#include "catalog/course_service.h"
#include "content/content_item_service.h"
#include "content/course_material_service.h"
#include "content/section_service.h"
#include "content/super_course_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"
#include "identity/authorization_service.h"
#include "storage/database.h"

namespace deltalabs::content {

// The content domain wired together: sections and their items, supplements
// and resources, super-courses, with routes.
// Construction installs the "has content" check courses need to publish.
class ContentModule {
 public:
  // Builds the services; course visibility and edit rights come from `courses`.
  ContentModule(Database& db, const identity::AuthorizationService& authz,
                catalog::CourseService& courses, const CursorCodec& cursors);

  // Adds every content route.
  void register_routes(http::Router& router);

  // True when the course has a section with an item: what catalog asks
  // before publishing (catalog::CourseChecks::has_content).
  static Result<bool> has_content(Connection& c, const std::string& course_id);

  // Course sections and course intros.
  SectionService& sections() { return sections_; }
  // Content items of sections.
  ContentItemService& items() { return items_; }
  // Supplements and resources of courses.
  CourseMaterialService& materials() { return materials_; }
  // Super-courses built from sections of several courses.
  SuperCourseService& super_courses() { return super_courses_; }

 private:
  const CursorCodec& cursors_;
  SectionService sections_;
  ContentItemService items_;
  CourseMaterialService materials_;
  SuperCourseService super_courses_;
};

}  // namespace deltalabs::content
