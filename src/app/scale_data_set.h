#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "identity/password_hasher.h"
#include "storage/database.h"

namespace deltalabs {

class ProgressReporter;

// How big a scale data set is; the defaults are the benchmark data set.
struct ScaleOptions {
  std::int64_t users = 100'000;
  std::int64_t courses = 10'000;
  std::int64_t enrollments = 1'000'000;
  std::int64_t sections_per_course = 5;
  std::int64_t items_per_section = 4;
};

// What a load inserted, by table.
struct ScaleSummary {
  std::int64_t users = 0;
  std::int64_t instructors = 0;
  std::int64_t courses = 0;
  std::int64_t published_courses = 0;
  std::int64_t sections = 0;
  std::int64_t items = 0;
  std::int64_t enrollments = 0;
  std::int64_t progress = 0;
};

// The benchmark data set of `seed --scale`: accounts, instructors, a catalog
// of courses with sections and items, enrollments and progress. Deterministic:
// the same options give the same rows (ids included) on every backend. It is
// written straight into the tables in batched inserts in one transaction,
// not through the services, because a million enrollments one request at a
// time would take far longer than the five minutes it may take; so it keeps
// the domain rules itself: one enrollment per user and course, unique
// positions, courses.enrollment_count equal to the course's non-cancelled
// student enrollments, max_students unset or at least that count, completed
// enrollments with every item completed. A database that already holds a
// scale data set is refused (loading is all or nothing, so there is no half).
class ScaleDataSet {
 public:
  // The password of every generated account (one argon2id hash shared by all).
  static constexpr const char* kPassword = "deltalabs-scale";

  // A data set of the given size; see validate() for what sizes are allowed.
  explicit ScaleDataSet(ScaleOptions options);

  // Rejects sizes that cannot make a consistent data set (e.g. more
  // enrollments than learners times enrollable courses).
  Status validate() const;
  // The email of generated account number `n` (0-based); account 0 is an instructor.
  static std::string email_of(std::int64_t n);
  // Inserts the data set into a migrated database, reporting rows as they go.
  Result<ScaleSummary> load(Database& db, const identity::PasswordHasher& hasher,
                            ProgressReporter& progress) const;

 private:
  ScaleOptions options_;
};

}  // namespace deltalabs
