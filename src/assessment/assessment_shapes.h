#pragma once

#include "assessment/model.h"
#include "http/json_shape.h"

namespace deltalabs::assessment {

// The API shapes of assessment objects: one shape per type, so every route
// renders and documents the same object the same way. Answer keys are
// rendered only where the service left them in (graders; a learner's own
// submission after the due date); elsewhere they are null.

// {correct_options, numeric_answer, tolerance, accepted_answers}
const http::JsonShape<AnswerKey>& answer_key_shape();
// {id, position, type, prompt, options, points, answer_key}
const http::JsonShape<Question>& question_shape();
// An exercise with its settings, max_score and questions.
const http::JsonShape<Exercise>& exercise_shape();
// A submission with its answers, points and status.
const http::JsonShape<Submission>& submission_shape();
// A grade item without history (as listed in a course grade).
const http::JsonShape<GradeItem>& grade_item_shape();
// A grade item with its history of changes.
const http::JsonShape<GradeItem>& grade_item_detail_shape();
// {enrollment_id, user_id, course_id, score, scored_at, items}
const http::JsonShape<CourseGrade>& course_grade_shape();
// {rank, user_id, username, first_name, last_name, score, completed_at, scored_at}
const http::JsonShape<RankingEntry>& ranking_entry_shape();
// An appeal and, once resolved, its outcome.
const http::JsonShape<Appeal>& appeal_shape();

}  // namespace deltalabs::assessment
