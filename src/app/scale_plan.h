#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/scale_data_set.h"

// What each row of the scale data set holds, decided before anything is
// written: a row's id, times, status and text are pure functions of its
// number and the options (no RNG state to replay), and the plan makes the
// choices that span rows (who enrolls where, how many seats each course has
// taken). See ScaleDataSet.
namespace deltalabs::scale_plan {

// A well-mixed 64-bit hash of row number `n` under `salt` (splitmix64's finalizer).
std::uint64_t hash_of(std::int64_t n, std::uint64_t salt);

// What a generated id stands for; part of the id, so ids of different tables never meet.
enum class Kind : std::uint16_t {
  kUser = 0x5c1,
  kInstructor,
  kCategory,
  kLevel,
  kCourse,
  kSection,
  kItem,
  kEnrollment,
  kProgress,
};

// A UUIDv7 whose time is `ms` (the row's creation time) and whose random bits
// are the row's kind and number: unique, and the same on every run.
std::string scale_id(Kind kind, std::int64_t number, std::int64_t ms);

// `ms` since the Unix epoch as RFC 3339 text.
std::string at(std::int64_t ms);

inline constexpr std::int64_t kHour = 3'600'000;
inline constexpr std::int64_t kDay = 24 * kHour;
// Every time is relative to this fixed instant, so reruns give the same rows.
inline const std::int64_t kEpoch =
    std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::sys_days{std::chrono::year{2026} / 11 / 1}.time_since_epoch())
        .count();

enum class CourseStatus : std::uint8_t { kPublished, kArchived, kDraft };
inline constexpr std::array<std::string_view, 3> kCourseStatusText = {"published", "archived",
                                                                      "draft"};

// Course `course`'s status: most are published; archived ones keep their
// learners; drafts have none. Course 0 is always published.
CourseStatus course_status(std::int64_t course);

// A course's catalog text, composed from the vocabulary.
struct CourseText {
  std::string title;
  std::string subtitle;
  std::string description;
};

// The text of course `course`, whose hash is `h`.
CourseText course_text(std::int64_t course, std::uint64_t h);
// The language of the course whose hash is `h`: mostly English, then
// Spanish, German, French and Portuguese.
const char* course_language(std::uint64_t h);
// The student cap of the course whose hash is `h`: a tenth of the open
// courses have one, always at or above the `seats` already taken.
std::optional<std::int64_t> course_cap(CourseStatus status, std::uint64_t h, std::int64_t seats);
// The JSON body of a content item of `type`, the `number`th of its course.
std::string item_body(std::string_view type, std::int64_t number);

enum class EnrollmentStatus : std::uint8_t { kActive, kCompleted, kCancelled };
inline constexpr std::array<std::string_view, 3> kEnrollmentStatusText = {"active", "completed",
                                                                          "cancelled"};

// An enrollment's status and how many of its course's items (in order) it has touched.
struct EnrollmentState {
  EnrollmentStatus status;
  std::int64_t items;
};

// Enrollment `enrollment`'s state in a course of `course_items` items; an
// active one has never finished every item.
EnrollmentState enrollment_state(std::int64_t enrollment, std::int64_t course_items);

// How many of the accounts are instructors (accounts 0 to n - 1).
std::int64_t instructor_count(const ScaleOptions& o);
// The courses that take learners (every one but the drafts), ascending.
std::vector<std::int32_t> enrollable_courses(const ScaleOptions& o);

// The choices that span rows.
struct Plan {
  std::int64_t instructors = 0;
  std::vector<std::int32_t> enrollable;         // courses that take learners
  std::vector<std::int32_t> enrollment_user;    // per enrollment, grouped by user
  std::vector<std::int32_t> enrollment_course;  // per enrollment
  std::vector<std::int32_t> seats_taken;        // per course: non-cancelled student enrollments
  std::int64_t progress_rows = 0;
};

// The plan of a data set whose options ScaleDataSet::validate accepted: at
// most one enrollment per learner and course, spread evenly over the learners
// and skewed towards the first courses.
Plan make_plan(const ScaleOptions& o);

// When account `user` was created, in ms.
std::int64_t user_created(std::int64_t user, const ScaleOptions& o);
// Account `user`'s id.
std::string user_id(std::int64_t user, const ScaleOptions& o);
// When course `course` was created, in ms.
std::int64_t course_created(std::int64_t course, const ScaleOptions& o);
// Course `course`'s id.
std::string course_id(std::int64_t course, const ScaleOptions& o);
// The instructor profile id of account `instructor`.
std::string instructor_id(std::int64_t instructor, const ScaleOptions& o);
// The id of item `index` (0-based, over all its sections) of course `course`.
std::string item_id(std::int64_t course, std::int64_t index, const ScaleOptions& o);
// When enrollment `enrollment` was made, in ms.
std::int64_t enrolled_at(std::int64_t enrollment);

}  // namespace deltalabs::scale_plan
