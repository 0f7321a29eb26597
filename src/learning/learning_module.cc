#include "learning/learning_module.h"

#include "learning/activity_handlers.h"
#include "learning/announcement_handlers.h"
#include "learning/enrollment_handlers.h"
#include "learning/enrollment_repository.h"
#include "learning/roadmap_handlers.h"
#include "learning/wishlist_handlers.h"

namespace deltalabs::learning {

LearningModule::LearningModule(Database& db, CommitDurability& durable,
                               const identity::AuthorizationService& authz,
                               catalog::CourseService& courses, const CursorCodec& cursors)
    : cursors_(cursors),
      enrollments_(db, durable, authz, courses),
      progress_(db, enrollments_),
      roadmaps_(db, courses),
      wishlist_(db, courses),
      activity_(db),
      announcements_(db, enrollments_) {}

Result<bool> LearningModule::is_member(Connection& c, const std::string& user_id,
                                       const std::string& course_id) {
  return EnrollmentRepository::is_member(c, user_id, course_id);
}

void LearningModule::register_routes(http::Router& router) {
  register_enrollment_routes(router, enrollments_, progress_, cursors_);
  register_roadmap_routes(router, roadmaps_);
  register_wishlist_routes(router, wishlist_, cursors_);
  register_activity_routes(router, activity_, cursors_);
  register_announcement_routes(router, announcements_, cursors_);
}

}  // namespace deltalabs::learning
