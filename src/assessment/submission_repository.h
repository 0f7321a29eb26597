#pragma once

#include <optional>
#include <string>

#include "assessment/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::assessment {

// The best graded attempt of a learner at an exercise.
struct BestAttempt {
  std::string submission_id;
  double score = 0;
  double max_score = 0;
};

// Rows of submissions. Callers hold the learner's enrollment lock while
// counting and inserting attempts, so numbering has no gaps or duplicates.
class SubmissionRepository {
 public:
  // How many attempts the user made at the exercise.
  static Result<std::int64_t> attempts(Connection& c, const std::string& user_id,
                                       const std::string& exercise_id);
  // Inserts `s` (its answers, scores, status and attempt) and returns its id;
  // 409 ATTEMPT_TAKEN if the attempt number exists.
  static Result<std::string> insert(Connection& c, const Submission& s);
  // One submission; 404 SUBMISSION_NOT_FOUND when absent.
  static Result<Submission> find(Connection& c, const std::string& id);
  // A page of an exercise's submissions, of one user or (empty user_id) all, oldest first.
  static Result<Page<Submission>> list(Connection& c, const std::string& exercise_id,
                                       const std::string& user_id, const PageRequest& page);
  // Stores a grader's work on `s`: answers' points, score, status, feedback, grader.
  static Status save_grading(Connection& c, const Submission& s);
  // The user's best graded attempt at the exercise, if any.
  static Result<std::optional<BestAttempt>> best_graded(Connection& c, const std::string& user_id,
                                                        const std::string& exercise_id);
};

}  // namespace deltalabs::assessment
