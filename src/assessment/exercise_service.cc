#include "assessment/exercise_service.h"

#include "assessment/exercise_repository.h"
#include "assessment/grading_rules.h"
#include "content/section_service.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::assessment {

namespace {

Error not_enrolled() {
  return Error::forbidden("Only members of the course see its exercises.", "NOT_ENROLLED");
}

Result<CourseStanding> author_of(Connection& c, const CourseAccess& access, const Actor& actor,
                                 const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(CourseStanding s, access.standing(c, actor, course_id));
  if (!s.author) return Error::forbidden("Only the course's instructors write its exercises.");
  return s;
}

// A due date in the stored form (UTC, milliseconds), so text order is time
// order; 400 past the year 2200 (the clock's nanoseconds end in 2262).
Result<std::optional<std::string>> normalised_time(const std::optional<std::string>& text) {
  if (!text) return std::optional<std::string>{};
  // The year is compared as text: later ones would overflow the time point.
  const auto t = parse_rfc3339(*text);
  if (!t || text->substr(0, 4) >= "2200")
    return Error::invalid("The due date is not valid.", {{"due_at", "must be before 2200"}});
  return std::optional<std::string>(format_rfc3339(*t));
}

Status check_input(Connection& c, const std::string& course_id, ExerciseInput& input) {
  std::vector<FieldError> errors;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < input.questions.size(); ++i) {
    auto found =
        GradingRules::check_question(input.questions[i], "questions[" + std::to_string(i) + "]");
    errors.insert(errors.end(), found.begin(), found.end());
    total += input.questions[i].points;
  }
  if (input.questions.empty()) errors.push_back({"questions", "needs at least one question"});
  if (!input.questions.empty() && total == 0)
    errors.push_back({"questions", "at least one question must be worth points"});
  if (input.section_id) {
    input.section_id = canonical_id(*input.section_id);
    DL_ASSIGN_OR_RETURN(bool ours,
                        content::SectionService::in_course(c, *input.section_id, course_id));
    if (!ours) errors.push_back({"section_id", "is not a section of this course"});
  }
  if (!errors.empty()) return Error::invalid("The exercise is not valid.", std::move(errors));
  DL_ASSIGN_OR_RETURN(input.due_at, normalised_time(input.due_at));
  return {};
}

}  // namespace

Result<Exercise> ExerciseService::readable(Connection& c, const CourseStanding& standing,
                                           const std::string& id) {
  if (!standing.participant()) return not_enrolled();
  DL_ASSIGN_OR_RETURN(Exercise x,
                      ExerciseRepository::find(c, standing.course.id, canonical_id(id)));
  if (standing.grader) return x;
  if (!x.published) return Error::not_found("exercise");
  x.hide_keys();
  return x;
}

Result<Exercise> ExerciseService::create(const Actor& actor, const std::string& course_id,
                                         ExerciseInput input) {
  return db_.transaction([&](Connection& c) -> Result<Exercise> {
    DL_ASSIGN_OR_RETURN(CourseStanding s, author_of(c, access_, actor, course_id));
    DL_TRY(check_input(c, s.course.id, input));
    DL_ASSIGN_OR_RETURN(std::string id,
                        ExerciseRepository::insert(c, s.course.id, actor.user_id, input));
    return ExerciseRepository::find(c, s.course.id, id);
  });
}

Result<Page<Exercise>> ExerciseService::list(const Actor& actor, const std::string& course_id,
                                             const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(CourseStanding s, access_.standing(*conn, actor, course_id));
  if (!s.participant()) return not_enrolled();
  DL_ASSIGN_OR_RETURN(auto result, ExerciseRepository::list(*conn, s.course.id, !s.grader, page));
  if (!s.grader) {
    for (auto& x : result.items) x.hide_keys();
  }
  return result;
}

Result<Exercise> ExerciseService::get(const Actor& actor, const std::string& course_id,
                                      const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(CourseStanding s, access_.standing(*conn, actor, course_id));
  return readable(*conn, s, id);
}

Result<Exercise> ExerciseService::update(const Actor& actor, const std::string& course_id,
                                         const std::string& id, ExerciseChange change) {
  return db_.transaction([&](Connection& c) -> Result<Exercise> {
    DL_ASSIGN_OR_RETURN(CourseStanding s, author_of(c, access_, actor, course_id));
    DL_ASSIGN_OR_RETURN(Exercise x, ExerciseRepository::find(c, s.course.id, canonical_id(id)));
    DL_ASSIGN_OR_RETURN(change.due_at, normalised_time(change.due_at));
    DL_TRY(ExerciseRepository::update(c, x.id, change));
    return ExerciseRepository::find(c, s.course.id, x.id);
  });
}

}  // namespace deltalabs::assessment
