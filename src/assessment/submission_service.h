#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assessment/course_access.h"
#include "assessment/model.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/database.h"

namespace deltalabs::assessment {

// Learners' attempts at exercises. Who may do what:
//  - live members submit to published exercises before their due date, at
//    most attempts_allowed times: attempts are counted and numbered under the
//    enrollment's row lock, so the limit is exact under concurrent submits
//    (409 ATTEMPTS_EXHAUSTED, EXERCISE_CLOSED after the due date);
//  - objective questions are scored at once; a submission with a free-text
//    answer stays `submitted` until a grader gives its points, then `graded`;
//  - graded submissions feed the learner's grade item (their best attempt)
//    and course grade in the same transaction;
//  - a learner reads their own submissions, with the correct answers only
//    once the exercise is due; graders read every submission with them.
class SubmissionService {
 public:
  SubmissionService(Database& db, const CourseAccess& access) : db_(db), access_(access) {}

  // Submits one attempt; 201 material.
  Result<Submission> submit(const Actor& actor, const std::string& course_id,
                            const std::string& exercise_id, std::vector<Answer> answers);
  // A page of an exercise's submissions: a learner's own, a grader's all
  // (or one learner's with `user_id`).
  Result<Page<Submission>> list(const Actor& actor, const std::string& course_id,
                                const std::string& exercise_id,
                                const std::optional<std::string>& user_id, const PageRequest& page);
  // One submission: its learner's or, for graders, any of their course.
  Result<Submission> get(const Actor& actor, const std::string& id);
  // A grader gives points to free-text answers (and feedback); the
  // submission is graded once every free-text answer has points.
  Result<Submission> grade(const Actor& actor, const std::string& id,
                           const std::vector<ManualPoints>& points,
                           const std::optional<std::string>& feedback);

 private:
  Database& db_;
  const CourseAccess& access_;
};

}  // namespace deltalabs::assessment
