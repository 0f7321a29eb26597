// GradingRules: the scoring of the four objective question types, the checks
// on authored keys and learners' answers, and the weighted course score.
// These are the rules a learner's grade depends on, so each is pinned here
// apart from storage and HTTP.
#include <gtest/gtest.h>

#include "assessment/grading_rules.h"

namespace deltalabs::assessment {
namespace {

Question question(std::string type, std::int64_t points, AnswerKey key,
                  std::vector<std::string> options = {}) {
  Question q;
  q.id = "q";
  q.type = std::move(type);
  q.points = points;
  q.options = std::move(options);
  q.key = std::move(key);
  return q;
}

Answer selected(std::vector<std::int64_t> indexes) {
  Answer a;
  a.selected = std::move(indexes);
  return a;
}

Answer number(double v) {
  Answer a;
  a.number = v;
  return a;
}

Answer text(std::string v) {
  Answer a;
  a.text = std::move(v);
  return a;
}

TEST(GradingRules, SingleChoiceScoresOnlyTheCorrectOption) {
  const Question q = question("single_choice", 2, {{1}, {}, {}, {}}, {"a", "b", "c"});
  EXPECT_EQ(GradingRules::score(q, selected({1})), 2.0);
  EXPECT_EQ(GradingRules::score(q, selected({0})), 0.0);
  EXPECT_EQ(GradingRules::score(q, Answer{}), 0.0);
}

TEST(GradingRules, MultipleChoiceIsAllOrNothing) {
  const Question q = question("multiple_choice", 3, {{0, 2}, {}, {}, {}}, {"a", "b", "c", "d"});
  EXPECT_EQ(GradingRules::score(q, selected({2, 0})), 3.0);
  EXPECT_EQ(GradingRules::score(q, selected({0})), 0.0);
  EXPECT_EQ(GradingRules::score(q, selected({0, 1, 2})), 0.0);
  EXPECT_EQ(GradingRules::score(q, selected({0, 1, 2, 3})), 0.0);
}

TEST(GradingRules, NumericAcceptsAnswersWithinTheTolerance) {
  const Question q = question("numeric", 1, {{}, 3.14, 0.01, {}});
  EXPECT_EQ(GradingRules::score(q, number(3.15)), 1.0);  // exactly at the edge
  EXPECT_EQ(GradingRules::score(q, number(3.13)), 1.0);
  EXPECT_EQ(GradingRules::score(q, number(3.16)), 0.0);
  const Question exact = question("numeric", 1, {{}, 0.3, std::nullopt, {}});
  EXPECT_EQ(GradingRules::score(exact, number(0.1 + 0.2)), 1.0);  // binary float slack only
  EXPECT_EQ(GradingRules::score(exact, number(0.3001)), 0.0);
}

TEST(GradingRules, ShortTextIgnoresCaseSurroundingSpaceAndNormalisationForm) {
  const Question q = question("short_text", 1, {{}, {}, {}, {"Caf\xC3\xA9", "coffee shop"}});
  EXPECT_EQ(GradingRules::score(q, text("  CAFE\xCC\x81 ")), 1.0);
  EXPECT_EQ(GradingRules::score(q, text("Coffee Shop")), 1.0);
  EXPECT_EQ(GradingRules::score(q, text("coffeeshop")), 0.0);
  EXPECT_EQ(GradingRules::score(q, text("   ")), 0.0);
}

TEST(GradingRules, FreeTextWaitsForAGrader) {
  const Question q = question("free_text", 5, {});
  EXPECT_FALSE(GradingRules::score(q, text("an essay")).has_value());
  EXPECT_FALSE(GradingRules::auto_graded("free_text"));
  EXPECT_TRUE(GradingRules::auto_graded("numeric"));
}

TEST(GradingRules, AuthoredKeysMustFitTheirQuestionType) {
  QuestionInput single{"single_choice", "?", {"a", "b"}, 1, {}};
  single.key.correct_options = {0, 1};
  EXPECT_FALSE(GradingRules::check_question(single, "q").empty());
  single.key.correct_options = {1};
  EXPECT_TRUE(GradingRules::check_question(single, "q").empty());
  single.key.correct_options = {2};
  EXPECT_FALSE(GradingRules::check_question(single, "q").empty());

  QuestionInput numeric{"numeric", "?", {}, 1, {}};
  EXPECT_FALSE(GradingRules::check_question(numeric, "q").empty());
  numeric.key.numeric_answer = 1.5;
  EXPECT_TRUE(GradingRules::check_question(numeric, "q").empty());

  QuestionInput short_text{"short_text", "?", {}, 1, {}};
  short_text.key.accepted_answers = {"  "};
  EXPECT_FALSE(GradingRules::check_question(short_text, "q").empty());

  QuestionInput essay{"free_text", "?", {"a", "b"}, 1, {}};
  const auto errors = GradingRules::check_question(essay, "questions[3]");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "questions[3].options");
}

TEST(GradingRules, AnswersMustMatchTheirQuestionType) {
  const Question choice = question("single_choice", 1, {{0}, {}, {}, {}}, {"a", "b"});
  EXPECT_TRUE(GradingRules::check_answer(choice, selected({1}), "a").empty());
  EXPECT_FALSE(GradingRules::check_answer(choice, selected({0, 1}), "a").empty());
  EXPECT_FALSE(GradingRules::check_answer(choice, selected({5}), "a").empty());
  EXPECT_FALSE(GradingRules::check_answer(choice, text("a"), "a").empty());
  const Question numeric = question("numeric", 1, {{}, 1.0, {}, {}});
  EXPECT_FALSE(GradingRules::check_answer(numeric, text("1"), "a").empty());
  EXPECT_TRUE(GradingRules::check_answer(numeric, number(1), "a").empty());
}

TEST(GradingRules, DecimalTextParsesWholeFiniteNumbersOnly) {
  EXPECT_EQ(GradingRules::parse_decimal("3.14"), 3.14);
  EXPECT_EQ(GradingRules::parse_decimal("-2"), -2.0);
  EXPECT_EQ(GradingRules::parse_decimal("1e3"), 1000.0);
  EXPECT_FALSE(GradingRules::parse_decimal("").has_value());
  EXPECT_FALSE(GradingRules::parse_decimal("3.14abc").has_value());
  EXPECT_FALSE(GradingRules::parse_decimal(" 3").has_value());
  EXPECT_FALSE(GradingRules::parse_decimal("inf").has_value());
  EXPECT_FALSE(GradingRules::parse_decimal("nan").has_value());
  EXPECT_FALSE(GradingRules::parse_decimal("1e999").has_value());
}

TEST(GradingRules, CourseScoreIsTheWeightedMeanInPercent) {
  EXPECT_EQ(GradingRules::course_score({}), 0.0);
  EXPECT_DOUBLE_EQ(GradingRules::course_score({{5, 10, 1}}), 50.0);
  // 1 x 100% and 3 x 50% -> (1 + 1.5) / 4 = 62.5%
  EXPECT_DOUBLE_EQ(GradingRules::course_score({{4, 4, 1}, {1, 2, 3}}), 62.5);
  EXPECT_DOUBLE_EQ(GradingRules::course_score({{0, 7, 2}, {7, 7, 2}}), 50.0);
}

}  // namespace
}  // namespace deltalabs::assessment
