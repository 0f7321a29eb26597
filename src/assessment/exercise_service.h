#pragma once

#include <string>

#include "assessment/course_access.h"
#include "assessment/model.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/database.h"

namespace deltalabs::assessment {

// Exercises of a course. Who may do what:
//  - the course's authors (its instructors, courses:update) create and change them;
//  - graders (authors, ta and instructor members, grades:manage) read all of
//    them with answer keys;
//  - live members read published ones, never with answer keys (drafts are 404);
//  - everyone else who can see the course gets 403 NOT_ENROLLED.
class ExerciseService {
 public:
  ExerciseService(Database& db, const CourseAccess& access) : db_(db), access_(access) {}

  // Creates an exercise with its questions; 400 for questions whose key does not fit.
  Result<Exercise> create(const Actor& actor, const std::string& course_id, ExerciseInput input);
  // A page of the course's exercises the actor may read, oldest first.
  Result<Page<Exercise>> list(const Actor& actor, const std::string& course_id,
                              const PageRequest& page);
  // One exercise the actor may read.
  Result<Exercise> get(const Actor& actor, const std::string& course_id, const std::string& id);
  // Changes an exercise's settings (authors only).
  Result<Exercise> update(const Actor& actor, const std::string& course_id, const std::string& id,
                          ExerciseChange change);

  // Inside a transaction: the exercise as `standing` may read it (keys hidden
  // from non-graders, drafts 404 to them); 403 NOT_ENROLLED for outsiders.
  static Result<Exercise> readable(Connection& c, const CourseStanding& standing,
                                   const std::string& id);

 private:
  Database& db_;
  const CourseAccess& access_;
};

}  // namespace deltalabs::assessment
