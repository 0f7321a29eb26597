#include "assessment/grade_book.h"

#include "assessment/grade_repository.h"
#include "assessment/grading_rules.h"
#include "assessment/submission_repository.h"

namespace deltalabs::assessment {

Status GradeBook::sync_with_submissions(Connection& c, const std::string& enrollment_id,
                                        const std::string& user_id, const std::string& exercise_id,
                                        const GradeChangeCause& cause) {
  DL_ASSIGN_OR_RETURN(auto best, SubmissionRepository::best_graded(c, user_id, exercise_id));
  if (!best) return {};
  DL_ASSIGN_OR_RETURN(auto item, GradeRepository::item_of(c, enrollment_id, exercise_id));
  if (!item) {
    DL_ASSIGN_OR_RETURN(std::string id, GradeRepository::insert_item(c, enrollment_id, exercise_id,
                                                                     best->submission_id,
                                                                     best->score, best->max_score));
    DL_TRY(GradeRepository::append_change(
        c, {id, std::nullopt, best->score, cause.changed_by, cause.reason, cause.source}));
  } else if (!item->overridden &&
             (item->score != best->score || item->submission_id != best->submission_id)) {
    DL_TRY(GradeRepository::update_item(c, item->id, best->score, best->submission_id, false));
    if (item->score != best->score) {
      DL_TRY(GradeRepository::append_change(
          c, {item->id, item->score, best->score, cause.changed_by, cause.reason, cause.source}));
    }
  } else {
    return {};
  }
  return recompute(c, enrollment_id);
}

Result<GradeItem> GradeBook::set_score(Connection& c, const GradeItem& item, double score,
                                       const GradeChangeCause& cause) {
  DL_TRY(GradeRepository::update_item(c, item.id, score, item.submission_id, true));
  DL_TRY(GradeRepository::append_change(
      c, {item.id, item.score, score, cause.changed_by, cause.reason, cause.source}));
  DL_TRY(recompute(c, item.enrollment_id));
  return GradeRepository::find_item(c, item.id);
}

Status GradeBook::recompute(Connection& c, const std::string& enrollment_id) {
  DL_ASSIGN_OR_RETURN(auto items, GradeRepository::items_of(c, enrollment_id));
  std::vector<WeightedScore> scores;
  scores.reserve(items.size());
  for (const auto& i : items) scores.push_back({i.score, i.max_score, i.weight});
  return GradeRepository::store_grade(c, enrollment_id, GradingRules::course_score(scores));
}

}  // namespace deltalabs::assessment
