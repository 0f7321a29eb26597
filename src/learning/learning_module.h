#pragma once

#include "catalog/course_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"
#include "identity/authorization_service.h"
#include "learning/activity_service.h"
#include "learning/announcement_service.h"
#include "learning/enrollment_service.h"
#include "learning/progress_service.h"
#include "learning/roadmap_service.h"
#include "learning/wishlist_service.h"
#include "storage/database.h"

namespace deltalabs::learning {

// The learning domain wired together: enrollments and their progress, course
// members, roadmaps, wishlists, course announcements and the activity feed,
// with routes.
class LearningModule {
 public:
  // Builds the services; course visibility and edit rights come from `courses`.
  LearningModule(Database& db, CommitDurability& durable,
                 const identity::AuthorizationService& authz, catalog::CourseService& courses,
                 const CursorCodec& cursors);

  // Adds every learning route.
  void register_routes(http::Router& router);

  // True when the user holds a live enrollment in the course: what catalog
  // reads archived courses under (catalog::CourseChecks::is_member).
  static Result<bool> is_member(Connection& c, const std::string& user_id,
                                const std::string& course_id);

  // Enrollments and seats; what commerce and the AI assistant call.
  EnrollmentService& enrollments() { return enrollments_; }
  // Item progress of enrollments.
  ProgressService& progress() { return progress_; }
  // Course roadmaps.
  RoadmapService& roadmaps() { return roadmaps_; }
  // Wishlists.
  WishlistService& wishlist() { return wishlist_; }
  // Course announcements.
  AnnouncementService& announcements() { return announcements_; }

 private:
  const CursorCodec& cursors_;
  EnrollmentService enrollments_;
  ProgressService progress_;
  RoadmapService roadmaps_;
  WishlistService wishlist_;
  ActivityService activity_;
  AnnouncementService announcements_;
};

}  // namespace deltalabs::learning
