#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessment/model.h"
#include "core/error.h"

namespace deltalabs::assessment {

// One grade item as the course score sees it.
struct WeightedScore {
  double score = 0;
  double max_score = 0;
  std::int64_t weight = 1;
};

// The pure rules of grading, free of storage and HTTP:
//  - single choice: full points when the one selected option is the correct one;
//  - multiple choice: full points when the selected set equals the correct set
//    (all or nothing: partial credit would reward ticking every box);
//  - numeric: full points when |answer - key| <= tolerance (0 by default);
//  - short text: full points when the answer equals an accepted answer after
//    trimming, case folding and NFC (UnicodeText::comparison_key);
//  - free text: no automatic score, a grader gives 0..points;
//  - an unanswered question earns 0;
//  - the course score is the weight-weighted mean of score/max_score, in percent.
class GradingRules {
 public:
  // The question types, in the order the API lists them.
  static const std::vector<std::string>& question_types();
  // True for the types scored at submission (all but free text).
  static bool auto_graded(const std::string& type);
  // Problems with an authored question (key fitting its type and options),
  // reported under `path` (e.g. "questions[2]").
  static std::vector<FieldError> check_question(const QuestionInput& q, const std::string& path);
  // Problems with a learner's answer to `q` (wrong kind of response, option out of range).
  static std::vector<FieldError> check_answer(const Question& q, const Answer& a,
                                              const std::string& path);
  // The points `a` earns on `q`; nullopt for free text (a grader decides).
  // `q.key` must be present.
  static std::optional<double> score(const Question& q, const Answer& a);
  // A decimal number written as text ("3.14", "-2", "1e3"), how numeric
  // answers and keys travel so no JSON float rounding happens on the way;
  // nullopt unless the whole text is one finite number.
  static std::optional<double> parse_decimal(std::string_view text);
  // The weighted mean of `items` in percent (0..100); 0 without items.
  static double course_score(const std::vector<WeightedScore>& items);
};

}  // namespace deltalabs::assessment
