#pragma once

#include <string>

#include "assessment/course_access.h"
#include "assessment/model.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/database.h"

namespace deltalabs::assessment {

// Grades of a course. Who may do what:
//  - a learner reads their own course grade and grade items (with history);
//  - graders (the course's authors, ta and instructor members, grades:manage)
//    read everyone's and override a grade item: the item, its history (who,
//    when, why), the course grade, an audit entry and the learner's
//    notification commit together;
//  - the ranking is for the course's members and graders.
class GradeService {
 public:
  GradeService(Database& db, const CourseAccess& access) : db_(db), access_(access) {}

  // A page of the course's grades with their items: a learner's own (zero or
  // one), a grader's all, by user id.
  Result<Page<CourseGrade>> course_grades(const Actor& actor, const std::string& course_id,
                                          const PageRequest& page);
  // One grade item with its history: its learner's or, for graders, any of their course.
  Result<GradeItem> item(const Actor& actor, const std::string& id);
  // A grader sets a grade item's score (0..max_score) for `reason`.
  Result<GradeItem> override_item(const Actor& actor, const std::string& id, double score,
                                  const std::string& reason);
  // A page of the course's ranking by course score.
  Result<Page<RankingEntry>> ranking(const Actor& actor, const std::string& course_id,
                                     const PageRequest& page);

  // Inside a transaction: the grade item when the actor may read it (its
  // learner or a grader of its course), 404 otherwise; `grader` tells which.
  static Result<GradeItem> readable(Connection& c, const CourseAccess& access, const Actor& actor,
                                    const std::string& id, bool& grader);

 private:
  Database& db_;
  const CourseAccess& access_;
};

}  // namespace deltalabs::assessment
