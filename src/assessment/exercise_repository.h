#pragma once

#include <optional>
#include <string>

#include "assessment/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::assessment {

// Rows of exercises and their questions, answer keys included: services
// decide who sees a key (Exercise::hide_keys).
class ExerciseRepository {
 public:
  // Inserts the exercise and its questions (positions 1..n); returns its id.
  static Result<std::string> insert(Connection& c, const std::string& course_id,
                                    const std::string& created_by, const ExerciseInput& input);
  // The exercise of the course with its questions; 404 EXERCISE_NOT_FOUND otherwise.
  static Result<Exercise> find(Connection& c, const std::string& course_id, const std::string& id);
  // The exercise with its questions, whatever its course; 404 EXERCISE_NOT_FOUND otherwise.
  static Result<Exercise> find_by_id(Connection& c, const std::string& id);
  // A page of the course's exercises with their questions, oldest first.
  static Result<Page<Exercise>> list(Connection& c, const std::string& course_id,
                                     bool published_only, const PageRequest& page);
  // Applies a settings change.
  static Status update(Connection& c, const std::string& id, const ExerciseChange& change);
};

}  // namespace deltalabs::assessment
