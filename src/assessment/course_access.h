#pragma once

#include <optional>
#include <string>

#include "catalog/course_service.h"
#include "core/actor.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "learning/model.h"
#include "storage/connection.h"

namespace deltalabs::assessment {

// What the actor is to one course, as assessment needs to know it.
struct CourseStanding {
  catalog::Course course;
  // Edits the course (its instructors, courses:update): writes exercises.
  bool author = false;
  // Sees answer keys and every learner's work, grades, overrides, resolves
  // appeals: authors, the course's ta and instructor members, grades:manage.
  bool grader = false;
  // The actor's own enrollment when it is not cancelled.
  std::optional<learning::Enrollment> enrollment;

  // True for graders and live members: who may read the course's exercises and ranking.
  bool participant() const { return grader || enrollment.has_value(); }
};

// Decides an actor's standing in a course from the catalog (course editors),
// the learning domain (membership and course roles) and permission slugs,
// never from role names.
class CourseAccess {
 public:
  CourseAccess(const identity::AuthorizationService& authz, catalog::CourseService& courses)
      : authz_(authz), courses_(courses) {}

  // The actor's standing in a course they can see; 404 COURSE_NOT_FOUND otherwise.
  Result<CourseStanding> standing(Connection& c, const Actor& actor,
                                  const std::string& course_id) const;

 private:
  const identity::AuthorizationService& authz_;
  catalog::CourseService& courses_;
};

}  // namespace deltalabs::assessment
