#pragma once

#include "assessment/appeal_service.h"
#include "assessment/course_access.h"
#include "assessment/exercise_service.h"
#include "assessment/grade_service.h"
#include "assessment/submission_service.h"
#include "catalog/course_service.h"
#include "core/cursor_codec.h"
#include "http/router.h"
#include "identity/authorization_service.h"
#include "storage/database.h"

namespace deltalabs::assessment {

// The assessment domain wired together: exercises, submissions and their
// auto-grading, the grade book (grade items, course grades, overrides,
// ranking) and appeals, with routes. Membership and course roles come from
// the learning domain, course editors from the catalog.
class AssessmentModule {
 public:
  // Builds the services over the catalog's courses.
  AssessmentModule(Database& db, const identity::AuthorizationService& authz,
                   catalog::CourseService& courses, const CursorCodec& cursors);

  // Adds every assessment route.
  void register_routes(http::Router& router);

  // Exercises; what the demo seed and the AI assistant call.
  ExerciseService& exercises() { return exercises_; }
  // Submissions and grading.
  SubmissionService& submissions() { return submissions_; }
  // Course grades, overrides and the ranking.
  GradeService& grades() { return grades_; }
  // Appeals.
  AppealService& appeals() { return appeals_; }

 private:
  const CursorCodec& cursors_;
  CourseAccess access_;
  ExerciseService exercises_;
  SubmissionService submissions_;
  GradeService grades_;
  AppealService appeals_;
};

}  // namespace deltalabs::assessment
