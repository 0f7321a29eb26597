#pragma once

#include <optional>
#include <string>

#include "assessment/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::assessment {

// A new entry of a grade item's history.
struct GradeChangeRow {
  std::string grade_item_id;
  std::optional<double> old_score;
  double new_score = 0;
  std::optional<std::string> changed_by;
  std::string reason;
  std::string source;
};

// Rows of grade items, their history, course grades and the ranking.
// Writers run inside the transaction that holds the enrollment's lock.
class GradeRepository {
 public:
  // One grade item (without history); 404 GRADE_ITEM_NOT_FOUND when absent.
  static Result<GradeItem> find_item(Connection& c, const std::string& id);
  // The enrollment's item for the exercise, if any.
  static Result<std::optional<GradeItem>> item_of(Connection& c, const std::string& enrollment_id,
                                                  const std::string& exercise_id);
  // Every item of an enrollment, by exercise.
  static Result<std::vector<GradeItem>> items_of(Connection& c, const std::string& enrollment_id);
  // Inserts a new, not overridden item; returns its id.
  static Result<std::string> insert_item(Connection& c, const std::string& enrollment_id,
                                         const std::string& exercise_id,
                                         const std::optional<std::string>& submission_id,
                                         double score, double max_score);
  // Sets an item's score, counted submission and overridden flag.
  static Status update_item(Connection& c, const std::string& id, double score,
                            const std::optional<std::string>& submission_id, bool overridden);
  // Appends to a grade item's history.
  static Status append_change(Connection& c, const GradeChangeRow& change);
  // A grade item's history, oldest first.
  static Result<std::vector<GradeChange>> history(Connection& c, const std::string& item_id);
  // Stores the enrollment's course score.
  static Status store_grade(Connection& c, const std::string& enrollment_id, double score);
  // The enrollment's course grade (without items), if it has one.
  static Result<std::optional<CourseGrade>> grade_of(Connection& c,
                                                     const std::string& enrollment_id);
  // A page of a course's grades (without items), by user id.
  static Result<Page<CourseGrade>> grades_of_course(Connection& c, const std::string& course_id,
                                                    const PageRequest& page);
  // A page of the course's ranking; `page.after` is the offset reached ("" = 0).
  static Result<Page<RankingEntry>> ranking(Connection& c, const std::string& course_id,
                                            const PageRequest& page);
};

}  // namespace deltalabs::assessment
