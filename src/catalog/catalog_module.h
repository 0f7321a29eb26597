#pragma once

#include <memory>

#include "catalog/course_service.h"
#include "catalog/instructor_service.h"
#include "catalog/reference_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"
#include "identity/authorization_service.h"
#include "storage/database.h"

namespace deltalabs::catalog {

// The catalog domain wired together: reference data (categories, levels),
// instructor profiles and courses, with their routes.
class CatalogModule {
 public:
  // Builds the services over `db`; permissions are asked of `authz`, list cursors sealed by
  // `cursors`; `checks` are the content and learning domains' answers about a course.
  CatalogModule(Database& db, const identity::AuthorizationService& authz,
                const CursorCodec& cursors, CourseChecks checks);

  // Adds every catalog route.
  void register_routes(http::Router& router);

  // Course categories.
  ReferenceService& categories() { return categories_; }
  // Course levels.
  ReferenceService& levels() { return levels_; }
  // Instructor profiles.
  InstructorService& instructors() { return instructors_; }
  // Courses and their lifecycle; what other domains call.
  CourseService& courses() { return courses_; }

 private:
  const CursorCodec& cursors_;
  ReferenceService categories_;
  ReferenceService levels_;
  InstructorService instructors_;
  CourseService courses_;
};

}  // namespace deltalabs::catalog
