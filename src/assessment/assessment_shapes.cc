#include "assessment/assessment_shapes.h"

#include <cmath>

#include "http/shape_fields.h"

namespace deltalabs::assessment {

namespace s = http::schema;

namespace {

// A score as JSON: whole numbers without a fraction (3, not 3E0).
boost::json::value score_json(double v) {
  if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9e15)
    return boost::json::value(static_cast<std::int64_t>(v));
  return boost::json::value(v);
}

boost::json::value optional_score(const std::optional<double>& v) {
  return v ? score_json(*v) : boost::json::value(nullptr);
}

boost::json::value integers(const std::vector<std::int64_t>& values) {
  boost::json::array out;
  out.reserve(values.size());
  for (auto v : values) out.emplace_back(v);
  return out;
}

boost::json::value key_or_null(const std::optional<AnswerKey>& key) {
  return key ? boost::json::value(answer_key_shape().render(*key)) : boost::json::value(nullptr);
}

DL_JSON_SHAPE(grade_change_shape, GradeChange, "GradeChange",
              {DL_SHAPE_FIELDS(GradeChange, (id, uuid)),
               {"old_score", s::nullable(s::number()),
                [](const GradeChange& g) { return optional_score(g.old_score); }},
               {"new_score", s::number(),
                [](const GradeChange& g) { return score_json(g.new_score); }},
               DL_SHAPE_FIELDS(GradeChange, (changed_by, uuid), (reason, string),
                               (source, one_of, {"submission", "grading", "override", "appeal"}),
                               (created_at, timestamp))})

DL_JSON_SHAPE(
    answer_shape, Answer, "SubmittedAnswer",
    {DL_SHAPE_FIELDS(Answer, (question_id, uuid)),
     {"selected", s::array(s::integer()), [](const Answer& a) { return integers(a.selected); }},
     {"number", s::nullable(s::number()), [](const Answer& a) { return optional_score(a.number); }},
     DL_SHAPE_FIELDS(Answer, (text, string)),
     {"points", s::nullable(s::number()), [](const Answer& a) { return optional_score(a.points); }},
     DL_SHAPE_FIELDS(Answer, (max_points, integer)),
     {"correct_answer", s::nullable(s::ref(answer_key_shape())),
      [](const Answer& a) { return key_or_null(a.correct_answer); }}})

std::vector<http::ShapeField<GradeItem>> grade_item_fields() {
  return {DL_SHAPE_FIELDS(GradeItem, (id, uuid), (enrollment_id, uuid), (user_id, uuid),
                          (course_id, uuid), (exercise_id, uuid), (exercise_title, string),
                          (weight, integer), (submission_id, uuid)),
          {"score", s::number(), [](const GradeItem& g) { return score_json(g.score); }},
          {"max_score", s::number(), [](const GradeItem& g) { return score_json(g.max_score); }},
          DL_SHAPE_FIELDS(GradeItem, (overridden, boolean), (updated_at, timestamp))};
}

}  // namespace

DL_JSON_SHAPE(answer_key_shape, AnswerKey, "AnswerKey",
              {{"correct_options", s::array(s::integer()),
                [](const AnswerKey& k) { return integers(k.correct_options); }},
               {"numeric_answer", s::nullable(s::number()),
                [](const AnswerKey& k) { return optional_score(k.numeric_answer); }},
               {"tolerance", s::nullable(s::number()),
                [](const AnswerKey& k) { return optional_score(k.tolerance); }},
               DL_SHAPE_FIELDS(AnswerKey, (accepted_answers, array, s::string()))})

DL_JSON_SHAPE(question_shape, Question, "ExerciseQuestion",
              {DL_SHAPE_FIELDS(Question, (id, uuid), (position, integer),
                               (type, one_of,
                                {"single_choice", "multiple_choice", "numeric", "short_text",
                                 "free_text"}),
                               (prompt, string), (options, array, s::string()), (points, integer)),
               {"answer_key", s::nullable(s::ref(answer_key_shape())),
                [](const Question& q) { return key_or_null(q.key); }}})

DL_JSON_SHAPE(exercise_shape, Exercise, "Exercise",
              {DL_SHAPE_FIELDS(Exercise, (id, uuid), (course_id, uuid), (section_id, uuid),
                               (title, string), (description, string), (attempts_allowed, integer),
                               (due_at, timestamp), (weight, integer), (published, boolean)),
               {"max_score", s::integer(),
                [](const Exercise& x) { return boost::json::value(x.max_score()); }},
               http::array_of("questions", question_shape(), &Exercise::questions),
               DL_SHAPE_FIELDS(Exercise, (created_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(
    submission_shape, Submission, "Submission",
    {DL_SHAPE_FIELDS(Submission, (id, uuid), (exercise_id, uuid), (course_id, uuid),
                     (user_id, uuid), (attempt, integer),
                     (status, one_of, {"submitted", "graded"})),
     {"auto_score", s::number(), [](const Submission& x) { return score_json(x.auto_score); }},
     {"score", s::number(), [](const Submission& x) { return score_json(x.score); }},
     {"max_score", s::number(), [](const Submission& x) { return score_json(x.max_score); }},
     DL_SHAPE_FIELDS(Submission, (feedback, string), (submitted_at, timestamp),
                     (graded_at, timestamp), (graded_by, uuid)),
     http::array_of("answers", answer_shape(), &Submission::answers)})

DL_JSON_SHAPE(grade_item_shape, GradeItem, "GradeItem", grade_item_fields())

DL_JSON_SHAPE(grade_item_detail_shape, GradeItem, "GradeItemDetail",
              http::concat(grade_item_fields(),
                           {http::array_of("history", grade_change_shape(), &GradeItem::history)}))

DL_JSON_SHAPE(course_grade_shape, CourseGrade, "CourseGrade",
              {DL_SHAPE_FIELDS(CourseGrade, (enrollment_id, uuid), (user_id, uuid),
                               (course_id, uuid)),
               {"score", s::number(), [](const CourseGrade& g) { return score_json(g.score); }},
               DL_SHAPE_FIELDS(CourseGrade, (scored_at, timestamp)),
               http::array_of("items", grade_item_shape(), &CourseGrade::items)})

DL_JSON_SHAPE(ranking_entry_shape, RankingEntry, "RankingEntry",
              {DL_SHAPE_FIELDS(RankingEntry, (rank, integer), (user_id, uuid), (username, string),
                               (first_name, string), (last_name, string)),
               {"score", s::number(), [](const RankingEntry& e) { return score_json(e.score); }},
               DL_SHAPE_FIELDS(RankingEntry, (completed_at, timestamp), (scored_at, timestamp))})

DL_JSON_SHAPE(appeal_shape, Appeal, "Appeal",
              {DL_SHAPE_FIELDS(Appeal, (id, uuid), (grade_item_id, uuid), (user_id, uuid),
                               (course_id, uuid), (exercise_id, uuid), (reason, string),
                               (status, one_of, {"open", "accepted", "rejected"})),
               {"new_score", s::nullable(s::number()),
                [](const Appeal& a) { return optional_score(a.new_score); }},
               DL_SHAPE_FIELDS(Appeal, (resolved_by, uuid), (resolution_note, string),
                               (created_at, timestamp), (resolved_at, timestamp))})

}  // namespace deltalabs::assessment
