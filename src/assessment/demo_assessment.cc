#include "assessment/demo_assessment.h"

namespace deltalabs::assessment {

namespace {

Actor as(const std::string& user_id) {
  Actor actor;
  actor.user_id = user_id;
  actor.request_id = "seed-demo";
  return actor;
}

QuestionInput choice(std::string type, std::string prompt, std::vector<std::string> options,
                     std::vector<std::int64_t> correct) {
  QuestionInput q{std::move(type), std::move(prompt), std::move(options), 1, {}};
  q.key.correct_options = std::move(correct);
  return q;
}

ExerciseInput quiz() {
  ExerciseInput x;
  x.title = "Check your understanding";
  x.description = "Four quick questions; three attempts, your best one counts.";
  x.attempts_allowed = 3;
  x.published = true;
  x.questions.push_back(choice("single_choice", "Which planet is closest to the Sun?",
                               {"Venus", "Mercury", "Mars"}, {1}));
  x.questions.push_back(
      choice("multiple_choice", "Which of these are prime numbers?", {"2", "4", "7", "9"}, {0, 2}));
  QuestionInput numeric{"numeric", "What is pi to two decimal places?", {}, 1, {}};
  numeric.key.numeric_answer = 3.14;
  numeric.key.tolerance = 0.005;
  x.questions.push_back(numeric);
  QuestionInput text{"short_text", "What is the capital of France?", {}, 1, {}};
  text.key.accepted_answers = {"Paris"};
  x.questions.push_back(text);
  return x;
}

ExerciseInput reflection() {
  ExerciseInput x;
  x.title = "Reflection";
  x.description = "Tell us what you learned; graded by your instructor.";
  x.weight = 2;
  x.published = true;
  x.questions.push_back({"free_text", "What was the most useful idea of this course?", {}, 4, {}});
  return x;
}

// The quiz answers of the n-th learner: the first gets everything right.
std::vector<Answer> quiz_answers(const Exercise& x, std::size_t n) {
  std::vector<Answer> out(4);
  for (std::size_t i = 0; i < out.size(); ++i) out[i].question_id = x.questions[i].id;
  out[0].selected = {n == 2 ? 0 : 1};
  out[1].selected = n == 0 ? std::vector<std::int64_t>{0, 2} : std::vector<std::int64_t>{0};
  out[2].number = n == 1 ? 3.0 : 3.14159;
  out[3].text = n == 2 ? "Lyon" : "  paris ";
  return out;
}

// The course the last learner joined: every demo learner is in it.
Result<std::optional<std::string>> shared_course(learning::LearningModule& learning,
                                                 const std::vector<std::string>& learner_ids) {
  if (learner_ids.empty()) return std::optional<std::string>{};
  DL_ASSIGN_OR_RETURN(
      auto mine, learning.enrollments().list_mine(as(learner_ids.back()), std::nullopt, {20, ""}));
  if (mine.items.empty()) return std::optional<std::string>{};
  return std::optional<std::string>{mine.items.front().course_id};
}

}  // namespace

Status DemoAssessment::load(learning::LearningModule& learning, AssessmentModule& assessment,
                            const Actor& staff, const std::vector<std::string>& learner_ids) {
  DL_ASSIGN_OR_RETURN(auto course_id, shared_course(learning, learner_ids));
  if (!course_id) return {};
  DL_ASSIGN_OR_RETURN(auto existing, assessment.exercises().list(staff, *course_id, {1, ""}));
  if (!existing.items.empty()) return {};
  DL_ASSIGN_OR_RETURN(Exercise q, assessment.exercises().create(staff, *course_id, quiz()));
  DL_ASSIGN_OR_RETURN(Exercise r, assessment.exercises().create(staff, *course_id, reflection()));
  for (std::size_t n = 0; n < learner_ids.size(); ++n) {
    const Actor learner = as(learner_ids[n]);
    auto done = assessment.submissions().submit(learner, *course_id, q.id, quiz_answers(q, n));
    if (!done.ok() && done.error().code == "NOT_ENROLLED") continue;
    if (!done.ok()) return std::move(done).error();
    if (n != 0) continue;
    Answer essay{r.questions[0].id, {}, std::nullopt, "Spacing practice over several days.",
                 std::nullopt,      0,  std::nullopt};
    DL_ASSIGN_OR_RETURN(Submission s,
                        assessment.submissions().submit(learner, *course_id, r.id, {essay}));
    DL_TRY(assessment.submissions().grade(staff, s.id, {{r.questions[0].id, 3}},
                                          "Well argued; one example more."));
  }
  // The second learner thinks their pi answer deserved credit.
  if (learner_ids.size() > 1) {
    DL_ASSIGN_OR_RETURN(auto grades,
                        assessment.grades().course_grades(staff, *course_id, {100, ""}));
    for (const auto& g : grades.items) {
      if (g.user_id != learner_ids[1] || g.items.empty()) continue;
      DL_TRY(assessment.appeals().open(
          as(learner_ids[1]), g.items.front().id,
          "I wrote 3 for pi; the question did not say how precise to be."));
    }
  }
  return {};
}

}  // namespace deltalabs::assessment
