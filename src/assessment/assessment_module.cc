#include "assessment/assessment_module.h"

#include "assessment/appeal_handlers.h"
#include "assessment/exercise_handlers.h"
#include "assessment/grade_handlers.h"
#include "assessment/submission_handlers.h"

namespace deltalabs::assessment {

AssessmentModule::AssessmentModule(Database& db, const identity::AuthorizationService& authz,
                                   catalog::CourseService& courses, const CursorCodec& cursors)
    : cursors_(cursors),
      access_(authz, courses),
      exercises_(db, access_),
      submissions_(db, access_),
      grades_(db, access_),
      appeals_(db, access_) {}

void AssessmentModule::register_routes(http::Router& router) {
  register_exercise_routes(router, exercises_, cursors_);
  register_submission_routes(router, submissions_, cursors_);
  register_grade_routes(router, grades_, cursors_);
  register_appeal_routes(router, appeals_, cursors_);
}

}  // namespace deltalabs::assessment
