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

const http::JsonShape<GradeChange>& grade_change_shape() {
  static const http::JsonShape<GradeChange> shape(
      "GradeChange",
      {{"id", s::uuid(), &GradeChange::id},
       {"old_score", s::nullable(s::number()),
        [](const GradeChange& g) { return optional_score(g.old_score); }},
       {"new_score", s::number(), [](const GradeChange& g) { return score_json(g.new_score); }},
       {"changed_by", s::uuid(), &GradeChange::changed_by},
       {"reason", s::string(), &GradeChange::reason},
       {"source", s::one_of({"submission", "grading", "override", "appeal"}), &GradeChange::source},
       {"created_at", s::timestamp(), &GradeChange::created_at}});
  return shape;
}

const http::JsonShape<Answer>& answer_shape() {
  static const http::JsonShape<Answer> shape(
      "SubmittedAnswer",
      {{"question_id", s::uuid(), &Answer::question_id},
       {"selected", s::array(s::integer()), [](const Answer& a) { return integers(a.selected); }},
       {"number", s::nullable(s::number()),
        [](const Answer& a) { return optional_score(a.number); }},
       {"text", s::string(), &Answer::text},
       {"points", s::nullable(s::number()),
        [](const Answer& a) { return optional_score(a.points); }},
       {"max_points", s::integer(), &Answer::max_points},
       {"correct_answer", s::nullable(s::ref(answer_key_shape())),
        [](const Answer& a) { return key_or_null(a.correct_answer); }}});
  return shape;
}

std::vector<http::ShapeField<GradeItem>> grade_item_fields() {
  return {{"id", s::uuid(), &GradeItem::id},
          {"enrollment_id", s::uuid(), &GradeItem::enrollment_id},
          {"user_id", s::uuid(), &GradeItem::user_id},
          {"course_id", s::uuid(), &GradeItem::course_id},
          {"exercise_id", s::uuid(), &GradeItem::exercise_id},
          {"exercise_title", s::string(), &GradeItem::exercise_title},
          {"weight", s::integer(), &GradeItem::weight},
          {"submission_id", s::uuid(), &GradeItem::submission_id},
          {"score", s::number(), [](const GradeItem& g) { return score_json(g.score); }},
          {"max_score", s::number(), [](const GradeItem& g) { return score_json(g.max_score); }},
          {"overridden", s::boolean(), &GradeItem::overridden},
          {"updated_at", s::timestamp(), &GradeItem::updated_at}};
}

}  // namespace

const http::JsonShape<AnswerKey>& answer_key_shape() {
  static const http::JsonShape<AnswerKey> shape(
      "AnswerKey", {{"correct_options", s::array(s::integer()),
                     [](const AnswerKey& k) { return integers(k.correct_options); }},
                    {"numeric_answer", s::nullable(s::number()),
                     [](const AnswerKey& k) { return optional_score(k.numeric_answer); }},
                    {"tolerance", s::nullable(s::number()),
                     [](const AnswerKey& k) { return optional_score(k.tolerance); }},
                    {"accepted_answers", s::array(s::string()), &AnswerKey::accepted_answers}});
  return shape;
}

const http::JsonShape<Question>& question_shape() {
  static const http::JsonShape<Question> shape(
      "ExerciseQuestion",
      {{"id", s::uuid(), &Question::id},
       {"position", s::integer(), &Question::position},
       {"type",
        s::one_of({"single_choice", "multiple_choice", "numeric", "short_text", "free_text"}),
        &Question::type},
       {"prompt", s::string(), &Question::prompt},
       {"options", s::array(s::string()), &Question::options},
       {"points", s::integer(), &Question::points},
       {"answer_key", s::nullable(s::ref(answer_key_shape())),
        [](const Question& q) { return key_or_null(q.key); }}});
  return shape;
}

const http::JsonShape<Exercise>& exercise_shape() {
  static const http::JsonShape<Exercise> shape(
      "Exercise", {{"id", s::uuid(), &Exercise::id},
                   {"course_id", s::uuid(), &Exercise::course_id},
                   {"section_id", s::uuid(), &Exercise::section_id},
                   {"title", s::string(), &Exercise::title},
                   {"description", s::string(), &Exercise::description},
                   {"attempts_allowed", s::integer(), &Exercise::attempts_allowed},
                   {"due_at", s::timestamp(), &Exercise::due_at},
                   {"weight", s::integer(), &Exercise::weight},
                   {"published", s::boolean(), &Exercise::published},
                   {"max_score", s::integer(),
                    [](const Exercise& x) { return boost::json::value(x.max_score()); }},
                   http::array_of("questions", question_shape(), &Exercise::questions),
                   {"created_at", s::timestamp(), &Exercise::created_at},
                   {"updated_at", s::timestamp(), &Exercise::updated_at}});
  return shape;
}

const http::JsonShape<Submission>& submission_shape() {
  static const http::JsonShape<Submission> shape(
      "Submission",
      {{"id", s::uuid(), &Submission::id},
       {"exercise_id", s::uuid(), &Submission::exercise_id},
       {"course_id", s::uuid(), &Submission::course_id},
       {"user_id", s::uuid(), &Submission::user_id},
       {"attempt", s::integer(), &Submission::attempt},
       {"status", s::one_of({"submitted", "graded"}), &Submission::status},
       {"auto_score", s::number(), [](const Submission& x) { return score_json(x.auto_score); }},
       {"score", s::number(), [](const Submission& x) { return score_json(x.score); }},
       {"max_score", s::number(), [](const Submission& x) { return score_json(x.max_score); }},
       {"feedback", s::string(), &Submission::feedback},
       {"submitted_at", s::timestamp(), &Submission::submitted_at},
       {"graded_at", s::timestamp(), &Submission::graded_at},
       {"graded_by", s::uuid(), &Submission::graded_by},
       http::array_of("answers", answer_shape(), &Submission::answers)});
  return shape;
}

const http::JsonShape<GradeItem>& grade_item_shape() {
  static const http::JsonShape<GradeItem> shape("GradeItem", grade_item_fields());
  return shape;
}

const http::JsonShape<GradeItem>& grade_item_detail_shape() {
  static const http::JsonShape<GradeItem> shape(
      "GradeItemDetail",
      http::concat(grade_item_fields(),
                   {http::array_of("history", grade_change_shape(), &GradeItem::history)}));
  return shape;
}

const http::JsonShape<CourseGrade>& course_grade_shape() {
  static const http::JsonShape<CourseGrade> shape(
      "CourseGrade",
      {{"enrollment_id", s::uuid(), &CourseGrade::enrollment_id},
       {"user_id", s::uuid(), &CourseGrade::user_id},
       {"course_id", s::uuid(), &CourseGrade::course_id},
       {"score", s::number(), [](const CourseGrade& g) { return score_json(g.score); }},
       {"scored_at", s::timestamp(), &CourseGrade::scored_at},
       http::array_of("items", grade_item_shape(), &CourseGrade::items)});
  return shape;
}

const http::JsonShape<RankingEntry>& ranking_entry_shape() {
  static const http::JsonShape<RankingEntry> shape(
      "RankingEntry",
      {{"rank", s::integer(), &RankingEntry::rank},
       {"user_id", s::uuid(), &RankingEntry::user_id},
       {"username", s::string(), &RankingEntry::username},
       {"first_name", s::string(), &RankingEntry::first_name},
       {"last_name", s::string(), &RankingEntry::last_name},
       {"score", s::number(), [](const RankingEntry& e) { return score_json(e.score); }},
       {"completed_at", s::timestamp(), &RankingEntry::completed_at},
       {"scored_at", s::timestamp(), &RankingEntry::scored_at}});
  return shape;
}

const http::JsonShape<Appeal>& appeal_shape() {
  static const http::JsonShape<Appeal> shape(
      "Appeal", {{"id", s::uuid(), &Appeal::id},
                 {"grade_item_id", s::uuid(), &Appeal::grade_item_id},
                 {"user_id", s::uuid(), &Appeal::user_id},
                 {"course_id", s::uuid(), &Appeal::course_id},
                 {"exercise_id", s::uuid(), &Appeal::exercise_id},
                 {"reason", s::string(), &Appeal::reason},
                 {"status", s::one_of({"open", "accepted", "rejected"}), &Appeal::status},
                 {"new_score", s::nullable(s::number()),
                  [](const Appeal& a) { return optional_score(a.new_score); }},
                 {"resolved_by", s::uuid(), &Appeal::resolved_by},
                 {"resolution_note", s::string(), &Appeal::resolution_note},
                 {"created_at", s::timestamp(), &Appeal::created_at},
                 {"resolved_at", s::timestamp(), &Appeal::resolved_at}});
  return shape;
}

}  // namespace deltalabs::assessment
