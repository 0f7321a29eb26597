#include "content/content_module.h"

#include "content/content_handlers.h"
#include "content/material_handlers.h"
#include "content/section_repository.h"
#include "content/super_course_handlers.h"

namespace deltalabs::content {

ContentModule::ContentModule(Database& db, const identity::AuthorizationService& authz,
                             catalog::CourseService& courses, const CursorCodec& cursors)
    : cursors_(cursors),
      sections_(db, courses),
      items_(db, sections_),
      materials_(db, courses),
      super_courses_(db, authz, sections_) {}

Result<bool> ContentModule::has_content(Connection& c, const std::string& course_id) {
  return SectionRepository::has_content(c, course_id);
}

void ContentModule::register_routes(http::Router& router) {
  register_content_routes(router, sections_, items_, cursors_);
  register_material_routes(router, materials_, cursors_);
  register_super_course_routes(router, super_courses_, cursors_);
}

}  // namespace deltalabs::content
