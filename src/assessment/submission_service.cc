#include "assessment/submission_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "assessment/exercise_repository.h"
#include "assessment/exercise_service.h"
#include "assessment/grade_book.h"
#include "assessment/grading_rules.h"
#include "assessment/submission_repository.h"
#include "core/clock.h"
#include "core/uuid.h"
#include "learning/enrollment_service.h"

namespace deltalabs::assessment {

namespace {

// Fills in the keys the reader may see: graders always, the learner once
// the exercise is due; nobody else reads a submission.
void reveal_keys(Submission& s, const Exercise& x, bool grader) {
  const bool reveal = grader || x.past_due(now());
  for (auto& a : s.answers) {
    a.correct_answer.reset();
    if (!reveal) continue;
    for (const auto& q : x.questions) {
      if (q.id == a.question_id) a.correct_answer = q.key;
    }
  }
}

// The learner's answers checked against the exercise; one entry per
// question in order (unanswered ones empty), each scored when objective.
Result<std::vector<Answer>> scored_answers(const Exercise& x, std::vector<Answer> given) {
  std::vector<FieldError> errors;
  std::map<std::string, Answer> by_question;
  for (std::size_t i = 0; i < given.size(); ++i) {
    const std::string path = "answers[" + std::to_string(i) + "]";
    Answer& a = given[i];
    a.question_id = canonical_id(a.question_id);
    const auto q =
        std::find_if(x.questions.begin(), x.questions.end(),
                     [&](const Question& candidate) { return candidate.id == a.question_id; });
    if (q == x.questions.end()) {
      errors.push_back({path + ".question_id", "is not a question of this exercise"});
    } else if (by_question.count(a.question_id) > 0) {
      errors.push_back({path + ".question_id", "is answered twice"});
    } else {
      auto found = GradingRules::check_answer(*q, a, path);
      errors.insert(errors.end(), found.begin(), found.end());
      by_question[a.question_id] = a;
    }
  }
  if (!errors.empty()) return Error::invalid("The answers are not valid.", std::move(errors));
  std::vector<Answer> out;
  out.reserve(x.questions.size());
  for (const auto& q : x.questions) {
    Answer a = by_question.count(q.id) > 0 ? by_question[q.id] : Answer{};
    a.question_id = q.id;
    a.max_points = q.points;
    const bool blank_text = q.type == "free_text" && (!a.text || a.text->empty());
    a.points = blank_text ? std::optional<double>(0.0) : GradingRules::score(q, a);
    out.push_back(std::move(a));
  }
  return out;
}

double total(const std::vector<Answer>& answers) {
  double sum = 0;
  for (const auto& a : answers) sum += a.points.value_or(0.0);
  return sum;
}

bool all_scored(const std::vector<Answer>& answers) {
  return std::all_of(answers.begin(), answers.end(),
                     [](const Answer& a) { return a.points.has_value(); });
}

Result<learning::Enrollment> locked_enrollment(Connection& c, const std::string& user_id,
                                               const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(auto e, learning::EnrollmentService::enrollment_of(c, user_id, course_id));
  if (!e) return Error::not_found("enrollment");
  DL_TRY(learning::EnrollmentService::lock_enrollment(c, e->id));
  return *e;
}

}  // namespace

Result<Submission> SubmissionService::submit(const Actor& actor, const std::string& course_id,
                                             const std::string& exercise_id,
                                             std::vector<Answer> answers) {
  return db_.transaction([&](Connection& c) -> Result<Submission> {
    DL_ASSIGN_OR_RETURN(CourseStanding s, access_.standing(c, actor, course_id));
    DL_ASSIGN_OR_RETURN(Exercise visible, ExerciseService::readable(c, s, exercise_id));
    if (!visible.published) return Error::not_found("exercise");
    // Scored against the keys, which readable() hides from learners.
    DL_ASSIGN_OR_RETURN(Exercise x, ExerciseRepository::find(c, s.course.id, visible.id));
    if (!s.enrollment) {
      return Error::forbidden("Only members enrolled in the course submit exercises.",
                              "NOT_ENROLLED");
    }
    if (x.past_due(now()))
      return Error::conflict("EXERCISE_CLOSED", "The exercise is past its due date.");
    DL_ASSIGN_OR_RETURN(auto scored, scored_answers(x, std::move(answers)));
    DL_TRY(learning::EnrollmentService::lock_enrollment(c, s.enrollment->id));
    DL_ASSIGN_OR_RETURN(std::int64_t made, SubmissionRepository::attempts(c, actor.user_id, x.id));
    if (made >= x.attempts_allowed) {
      return Error::conflict("ATTEMPTS_EXHAUSTED", "Every attempt of this exercise is used (" +
                                                       std::to_string(x.attempts_allowed) + ").");
    }
    Submission sub;
    sub.exercise_id = x.id;
    sub.user_id = actor.user_id;
    sub.attempt = made + 1;
    sub.auto_score = total(scored);
    sub.max_score = static_cast<double>(x.max_score());
    sub.status = all_scored(scored) ? "graded" : "submitted";
    sub.submitted_at = format_rfc3339(now());
    if (sub.status == "graded") sub.graded_at = sub.submitted_at;
    sub.answers = std::move(scored);
    DL_ASSIGN_OR_RETURN(std::string id, SubmissionRepository::insert(c, sub));
    DL_TRY(GradeBook::sync_with_submissions(
        c, s.enrollment->id, actor.user_id, x.id,
        {actor.user_id, "submission", "attempt " + std::to_string(sub.attempt)}));
    DL_ASSIGN_OR_RETURN(Submission out, SubmissionRepository::find(c, id));
    reveal_keys(out, x, s.grader);
    return out;
  });
}

Result<Page<Submission>> SubmissionService::list(const Actor& actor, const std::string& course_id,
                                                 const std::string& exercise_id,
                                                 const std::optional<std::string>& user_id,
                                                 const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(CourseStanding s, access_.standing(*conn, actor, course_id));
  DL_ASSIGN_OR_RETURN(Exercise x, ExerciseService::readable(*conn, s, exercise_id));
  DL_ASSIGN_OR_RETURN(Exercise keys, ExerciseRepository::find(*conn, x.course_id, x.id));
  const std::string whose = s.grader ? canonical_id(user_id.value_or("")) : actor.user_id;
  DL_ASSIGN_OR_RETURN(auto result, SubmissionRepository::list(*conn, x.id, whose, page));
  for (auto& sub : result.items) reveal_keys(sub, keys, s.grader);
  return result;
}

Result<Submission> SubmissionService::get(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(Submission sub, SubmissionRepository::find(*conn, canonical_id(id)));
  DL_ASSIGN_OR_RETURN(CourseStanding s, access_.standing(*conn, actor, sub.course_id));
  if (!s.grader && sub.user_id != actor.user_id) return Error::not_found("submission");
  DL_ASSIGN_OR_RETURN(Exercise x, ExerciseRepository::find(*conn, sub.course_id, sub.exercise_id));
  reveal_keys(sub, x, s.grader);
  return sub;
}

Result<Submission> SubmissionService::grade(const Actor& actor, const std::string& id,
                                            const std::vector<ManualPoints>& points,
                                            const std::optional<std::string>& feedback) {
  return db_.transaction([&](Connection& c) -> Result<Submission> {
    DL_ASSIGN_OR_RETURN(Submission sub, SubmissionRepository::find(c, canonical_id(id)));
    DL_ASSIGN_OR_RETURN(CourseStanding s, access_.standing(c, actor, sub.course_id));
    if (!s.grader) {
      if (sub.user_id != actor.user_id) return Error::not_found("submission");
      return Error::forbidden("Only the course's graders grade submissions.");
    }
    DL_ASSIGN_OR_RETURN(Exercise x, ExerciseRepository::find(c, sub.course_id, sub.exercise_id));
    DL_ASSIGN_OR_RETURN(learning::Enrollment e, locked_enrollment(c, sub.user_id, sub.course_id));
    std::vector<FieldError> errors;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < points.size(); ++i) {
      const std::string path = "points[" + std::to_string(i) + "]";
      const std::string qid = canonical_id(points[i].question_id);
      const auto q = std::find_if(x.questions.begin(), x.questions.end(),
                                  [&](const Question& candidate) { return candidate.id == qid; });
      if (q == x.questions.end() || q->type != "free_text") {
        errors.push_back({path + ".question_id", "is not a free-text question of this exercise"});
      } else if (!seen.insert(qid).second) {
        errors.push_back({path + ".question_id", "is graded twice"});
      } else if (points[i].points < 0 || points[i].points > static_cast<double>(q->points)) {
        errors.push_back({path + ".points", "must be between 0 and " + std::to_string(q->points)});
      } else {
        for (auto& a : sub.answers)
          if (a.question_id == qid) a.points = points[i].points;
      }
    }
    if (!errors.empty()) return Error::invalid("The grading is not valid.", std::move(errors));
    sub.score = total(sub.answers);
    sub.feedback = feedback;
    sub.status = all_scored(sub.answers) ? "graded" : "submitted";
    sub.graded_at =
        sub.status == "graded" ? std::optional<std::string>(format_rfc3339(now())) : std::nullopt;
    sub.graded_by = actor.user_id;
    DL_TRY(SubmissionRepository::save_grading(c, sub));
    DL_TRY(GradeBook::sync_with_submissions(
        c, e.id, sub.user_id, x.id,
        {actor.user_id, "grading", "attempt " + std::to_string(sub.attempt) + " graded"}));
    DL_ASSIGN_OR_RETURN(Submission out, SubmissionRepository::find(c, sub.id));
    reveal_keys(out, x, true);
    return out;
  });
}

}  // namespace deltalabs::assessment
