#pragma once

#include <optional>
#include <string>

#include "assessment/course_access.h"
#include "assessment/model.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/database.h"

namespace deltalabs::assessment {

// Appeals against grade items. Who may do what:
//  - the grade item's learner appeals, with a reason; one open appeal per
//    item (409 APPEAL_ALREADY_OPEN);
//  - a grader of the course resolves it once (409 APPEAL_ALREADY_RESOLVED):
//    accepted with a new score — appeal, grade item, history and course grade
//    change in one transaction — or rejected; either way the learner is
//    notified and the decision audited in the same transaction;
//  - the learner reads their own appeals, graders all of their course's.
class AppealService {
 public:
  AppealService(Database& db, const CourseAccess& access) : db_(db), access_(access) {}

  // Opens an appeal against a grade item; 201 material.
  Result<Appeal> open(const Actor& actor, const std::string& grade_item_id,
                      const std::string& reason);
  // Resolves an open appeal.
  Result<Appeal> resolve(const Actor& actor, const std::string& id,
                         const AppealResolution& resolution);
  // One appeal the actor may read.
  Result<Appeal> get(const Actor& actor, const std::string& id);
  // A page of a course's appeals (a learner's own; graders' all), optionally of one status.
  Result<Page<Appeal>> list(const Actor& actor, const std::string& course_id,
                            const std::optional<std::string>& status, const PageRequest& page);

 private:
  Database& db_;
  const CourseAccess& access_;
};

}  // namespace deltalabs::assessment
