#include "catalog/catalog_module.h"

#include "catalog/course_handlers.h"
#include "catalog/reference_handlers.h"

namespace deltalabs::catalog {

CatalogModule::CatalogModule(Database& db, const identity::AuthorizationService& authz,
                             const CursorCodec& cursors, CourseChecks checks)
    : cursors_(cursors),
      categories_(db, authz, ReferenceRepository::categories()),
      levels_(db, authz, ReferenceRepository::levels()),
      instructors_(db, authz),
      courses_(db, authz, std::move(checks)) {}

void CatalogModule::register_routes(http::Router& router) {
  register_reference_routes(router, categories_, levels_, instructors_, cursors_);
  register_course_routes(router, courses_, cursors_);
}

}  // namespace deltalabs::catalog
