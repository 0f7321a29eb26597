#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace deltalabs::assessment {

// Plain structs of the assessment domain: what repositories read and services return.

// What is correct for one question. Which members matter depends on the
// question's type: correct_options (choice types, 0-based option indexes),
// numeric_answer and tolerance (numeric), accepted_answers (short text);
// free text has none.
struct AnswerKey {
  std::vector<std::int64_t> correct_options;
  std::optional<double> numeric_answer;
  std::optional<double> tolerance;
  std::vector<std::string> accepted_answers;
};

// One question of an exercise. `key` is empty whenever the reader may not see it.
struct Question {
  std::string id;
  std::string exercise_id;
  std::int64_t position = 0;
  std::string type;  // single_choice, multiple_choice, numeric, short_text, free_text
  std::string prompt;
  std::vector<std::string> options;
  std::int64_t points = 0;
  std::optional<AnswerKey> key;
};

// An exercise of a course with its questions.
struct Exercise {
  std::string id;
  std::string course_id;
  std::optional<std::string> section_id;
  std::string title;
  std::string description;
  std::int64_t attempts_allowed = 1;
  std::optional<std::string> due_at;
  std::int64_t weight = 1;
  bool published = false;
  std::string created_at;
  std::string updated_at;
  std::vector<Question> questions;

  // The points all questions are worth together.
  std::int64_t max_score() const;
  // True when the exercise has a due date and `at` is not before it.
  bool past_due(TimePoint at) const;
  // Removes every answer key (what learners read).
  void hide_keys();
};

// A new question as an author sends it.
struct QuestionInput {
  std::string type;
  std::string prompt;
  std::vector<std::string> options;
  std::int64_t points = 1;
  AnswerKey key;
};

// A new exercise as an author sends it, its questions as Q: the handler reads
// them as the body has them, the service takes them as QuestionInput.
template <class Q>
struct NewExercise {
  std::string title;
  std::string description;
  std::optional<std::string> section_id;
  std::int64_t attempts_allowed = 1;
  std::optional<std::string> due_at;
  std::int64_t weight = 1;
  bool published = false;
  std::vector<Q> questions;
};
using ExerciseInput = NewExercise<QuestionInput>;

// A change of an exercise's settings; absent members stay as they are.
struct ExerciseChange {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::int64_t> attempts_allowed;
  bool due_at_set = false;  // true when due_at is sent (null clears it)
  std::optional<std::string> due_at;
  std::optional<bool> published;
};

// A learner's answer to one question, with the points it earned (nullopt
// while a free-text answer waits for a grader) and, when the reader may see
// it, the question's key.
struct Answer {
  std::string question_id;
  std::vector<std::int64_t> selected;
  std::optional<double> number;
  std::optional<std::string> text;
  std::optional<double> points;
  std::int64_t max_points = 0;
  std::optional<AnswerKey> correct_answer;
};

// One attempt of a learner at an exercise.
struct Submission {
  std::string id;
  std::string exercise_id;
  std::string course_id;
  std::string user_id;
  std::int64_t attempt = 1;
  std::string status;  // submitted, graded
  double auto_score = 0;
  double score = 0;
  double max_score = 0;
  std::optional<std::string> feedback;
  std::string submitted_at;
  std::optional<std::string> graded_at;
  std::optional<std::string> graded_by;
  std::vector<Answer> answers;
};

// Points a grader gives one answer of a submission.
struct ManualPoints {
  std::string question_id;
  double points = 0;
};

// One change of a grade item.
struct GradeChange {
  std::string id;
  std::optional<double> old_score;
  double new_score = 0;
  std::optional<std::string> changed_by;
  std::string reason;
  std::string source;  // submission, grading, override, appeal
  std::string created_at;
};

// A learner's score on one exercise.
struct GradeItem {
  std::string id;
  std::string enrollment_id;
  std::string user_id;
  std::string course_id;
  std::string exercise_id;
  std::string exercise_title;
  std::int64_t weight = 1;
  std::optional<std::string> submission_id;
  double score = 0;
  double max_score = 0;
  bool overridden = false;
  std::string updated_at;
  std::vector<GradeChange> history;  // filled for single reads
};

// A learner's course score and the items it is the weighted mean of.
struct CourseGrade {
  std::string enrollment_id;
  std::string user_id;
  std::string course_id;
  double score = 0;
  std::string scored_at;
  std::vector<GradeItem> items;
};

// One line of a course's leaderboard.
struct RankingEntry {
  std::int64_t rank = 0;
  std::string user_id;
  std::string username;
  std::string first_name;
  std::string last_name;
  double score = 0;
  std::optional<std::string> completed_at;
  std::string scored_at;
};

// A learner's appeal against a grade item.
struct Appeal {
  std::string id;
  std::string grade_item_id;
  std::string user_id;
  std::string course_id;
  std::string exercise_id;
  std::string reason;
  std::string status;  // open, accepted, rejected
  std::optional<double> new_score;
  std::optional<std::string> resolved_by;
  std::optional<std::string> resolution_note;
  std::string created_at;
  std::optional<std::string> resolved_at;
};

// How a grader resolves an appeal.
struct AppealResolution {
  std::string status;  // accepted, rejected
  std::optional<double> score;
  std::optional<std::string> note;
};

}  // namespace deltalabs::assessment
