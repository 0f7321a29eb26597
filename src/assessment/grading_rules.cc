#include "assessment/grading_rules.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "core/unicode_text.h"

namespace deltalabs::assessment {

namespace {

bool is_choice(const std::string& type) {
  return type == "single_choice" || type == "multiple_choice";
}

// True when every index is a distinct valid option index.
bool valid_indexes(const std::vector<std::int64_t>& indexes, std::size_t options) {
  const std::set<std::int64_t> distinct(indexes.begin(), indexes.end());
  return distinct.size() == indexes.size() &&
         std::all_of(indexes.begin(), indexes.end(), [options](std::int64_t i) {
           return i >= 0 && static_cast<std::size_t>(i) < options;
         });
}

bool answered(const Answer& a) { return !a.selected.empty() || a.number || a.text; }

bool numeric_match(double answer, double key, double tolerance) {
  // A hair of slack for binary floating point (0.1 + 0.2 is not 0.3).
  const double slack = 1e-9 * std::max(1.0, std::fabs(key));
  return std::fabs(answer - key) <= tolerance + slack;
}

}  // namespace

const std::vector<std::string>& GradingRules::question_types() {
  static const std::vector<std::string> types = {"single_choice", "multiple_choice", "numeric",
                                                 "short_text", "free_text"};
  return types;
}

bool GradingRules::auto_graded(const std::string& type) { return type != "free_text"; }

std::vector<FieldError> GradingRules::check_question(const QuestionInput& q,
                                                     const std::string& path) {
  std::vector<FieldError> errors;
  const auto& k = q.key;
  if (is_choice(q.type)) {
    if (q.options.size() < 2) errors.push_back({path + ".options", "needs at least 2 options"});
    if (!valid_indexes(k.correct_options, q.options.size())) {
      errors.push_back({path + ".correct_options", "must be distinct indexes of options"});
    } else if (q.type == "single_choice" && k.correct_options.size() != 1) {
      errors.push_back({path + ".correct_options", "a single choice has exactly one"});
    } else if (k.correct_options.empty()) {
      errors.push_back({path + ".correct_options", "at least one option must be correct"});
    }
  } else if (!q.options.empty() || !k.correct_options.empty()) {
    errors.push_back({path + ".options", "only choice questions have options"});
  }
  if (q.type == "numeric" && !k.numeric_answer)
    errors.push_back({path + ".numeric_answer", "is required for a numeric question"});
  if (q.type != "numeric" && (k.numeric_answer || k.tolerance))
    errors.push_back({path + ".numeric_answer", "only numeric questions have one"});
  if (q.type == "short_text") {
    const bool blank =
        std::any_of(k.accepted_answers.begin(), k.accepted_answers.end(),
                    [](const std::string& s) { return UnicodeText::comparison_key(s).empty(); });
    if (k.accepted_answers.empty() || blank)
      errors.push_back({path + ".accepted_answers", "needs at least one non-blank answer"});
  } else if (!k.accepted_answers.empty()) {
    errors.push_back({path + ".accepted_answers", "only short text questions have them"});
  }
  return errors;
}

std::vector<FieldError> GradingRules::check_answer(const Question& q, const Answer& a,
                                                   const std::string& path) {
  std::vector<FieldError> errors;
  const bool wrong_kind = is_choice(q.type)     ? a.number || a.text
                          : q.type == "numeric" ? !a.selected.empty() || a.text
                                                : !a.selected.empty() || a.number;
  if (wrong_kind) {
    const char* expected = is_choice(q.type) ? "selected" : q.type == "numeric" ? "number" : "text";
    errors.push_back({path, std::string("a ") + q.type + " question is answered with " + expected});
    return errors;
  }
  if (is_choice(q.type)) {
    if (!valid_indexes(a.selected, q.options.size())) {
      errors.push_back({path + ".selected", "must be distinct indexes of the question's options"});
    } else if (q.type == "single_choice" && a.selected.size() > 1) {
      errors.push_back({path + ".selected", "a single choice takes one option"});
    }
  }
  return errors;
}

std::optional<double> GradingRules::score(const Question& q, const Answer& a) {
  if (!auto_graded(q.type)) return std::nullopt;
  if (!answered(a) || !q.key) return 0.0;
  const AnswerKey& k = *q.key;
  bool right = false;
  if (is_choice(q.type)) {
    const std::set<std::int64_t> chosen(a.selected.begin(), a.selected.end());
    const std::set<std::int64_t> correct(k.correct_options.begin(), k.correct_options.end());
    right = chosen == correct;
  } else if (q.type == "numeric") {
    right = a.number && k.numeric_answer &&
            numeric_match(*a.number, *k.numeric_answer, k.tolerance.value_or(0.0));
  } else if (q.type == "short_text" && a.text) {
    const std::string given = UnicodeText::comparison_key(*a.text);
    right = !given.empty() && std::any_of(k.accepted_answers.begin(), k.accepted_answers.end(),
                                          [&](const std::string& s) {
                                            return UnicodeText::comparison_key(s) == given;
                                          });
  }
  return right ? static_cast<double>(q.points) : 0.0;
}

std::optional<double> GradingRules::parse_decimal(std::string_view text) {
  if (text.empty() || text.size() > 64) return std::nullopt;
  double value = 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  const auto [stop, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

double GradingRules::course_score(const std::vector<WeightedScore>& items) {
  double weighted = 0;
  double weights = 0;
  for (const auto& item : items) {
    if (item.max_score <= 0 || item.weight <= 0) continue;
    weighted += static_cast<double>(item.weight) * item.score / item.max_score;
    weights += static_cast<double>(item.weight);
  }
  return weights == 0 ? 0.0 : 100.0 * weighted / weights;
}

}  // namespace deltalabs::assessment
