#include "app/scale_plan.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "app/scale_vocabulary.h"
#include "core/clock.h"

namespace deltalabs::scale_plan {

namespace {

using namespace scale_vocabulary;  // NOLINT(google-build-using-namespace): the words are the file's
                                   // alphabet

// splitmix64's finalizer: a cheap, well-mixed hash, so every row is a pure
// function of its number and the options (no RNG state to replay).
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

}  // namespace

std::uint64_t hash_of(std::int64_t n, std::uint64_t salt) {
  return mix(static_cast<std::uint64_t>(n) * 0x100000001b3ULL ^ salt);
}

// The ids sort like the rows' history, as the API's own ids do.
std::string scale_id(Kind kind, std::int64_t number, std::int64_t ms) {
  const auto t = static_cast<std::uint64_t>(ms);
  const auto n = static_cast<std::uint64_t>(number);
  char text[48];  // 36 characters; room for what the compiler cannot rule out
  std::snprintf(text, sizeof text, "%08llx-%04llx-7%03x-%04llx-%012llx",
                static_cast<unsigned long long>(t >> 16),
                static_cast<unsigned long long>(t & 0xffff), static_cast<unsigned>(kind) & 0xfff,
                static_cast<unsigned long long>(0x8000 | ((n >> 48) & 0x3fff)),
                static_cast<unsigned long long>(n & 0xffffffffffffULL));
  return text;
}

std::string at(std::int64_t ms) { return format_rfc3339(TimePoint(std::chrono::milliseconds(ms))); }

CourseStatus course_status(std::int64_t course) {
  if (course == 0) return CourseStatus::kPublished;  // at least one course takes learners
  const auto h = hash_of(course, 0x51a7) % 100;
  if (h < 90) return CourseStatus::kPublished;
  return h < 95 ? CourseStatus::kArchived : CourseStatus::kDraft;
}

CourseText course_text(std::int64_t course, std::uint64_t h) {
  const std::string topic(pick(kTopics, h >> 8));
  const std::string noun(pick(kNouns, h >> 16));
  CourseText text;
  text.title = std::string(pick(kAdjectives, h)) + " " + topic + " " + noun;
  text.subtitle = "Learn " + lower(topic) + " " + lower(pick(kNouns, h >> 24)) + " through " +
                  lower(pick(kAdjectives, h >> 32)) + " projects";
  const std::string level_name = lower(kLevels[(h >> 40) % kLevels.size()].name);
  text.description = (level_name[0] == 'a' ? "An " : "A ") + level_name + " course on " +
                     lower(topic) + " " + lower(noun) + ". You will";
  for (int w = 0; w < 18; ++w) {
    const auto wh = hash_of(course * 32 + w, 0xde5c);
    text.description += ' ';
    text.description +=
        wh % 4 == 0 ? lower(pick(kTopics, wh >> 8)) : std::string(pick(kFillers, wh >> 8));
  }
  text.description += '.';
  return text;
}

const char* course_language(std::uint64_t h) {
  const auto roll = (h >> 44) % 20;
  return roll < 14 ? "en" : roll < 16 ? "es" : roll < 18 ? "de" : roll < 19 ? "fr" : "pt";
}

std::optional<std::int64_t> course_cap(CourseStatus status, std::uint64_t h, std::int64_t seats) {
  if (status == CourseStatus::kDraft || (h >> 56) % 10 != 0) return std::nullopt;
  return seats + 1 + static_cast<std::int64_t>((h >> 60) % 16) * 5;
}

std::string item_body(std::string_view type, std::int64_t number) {
  const std::string n = std::to_string(number);
  if (type == "video")
    return R"({"url":"https://videos.deltalabs.local/)" + n + R"(","seconds":600})";
  if (type == "text") return R"({"markdown":"Key ideas and a short exercise."})";
  if (type == "file") return R"({"url":"https://files.deltalabs.local/)" + n + R"(.pdf"})";
  if (type == "link") return R"({"url":"https://example.com/reading/)" + n + R"("})";
  return R"({"exercise":"exercise-)" + n + R"("})";
}

EnrollmentState enrollment_state(std::int64_t enrollment, std::int64_t course_items) {
  const auto h = hash_of(enrollment, 0xe4011);
  const auto roll = h % 100;
  if (roll < 10) {
    return {EnrollmentStatus::kCancelled,
            std::min<std::int64_t>(static_cast<std::int64_t>((h >> 8) % 3), course_items)};
  }
  if (roll < 13) return {EnrollmentStatus::kCompleted, course_items};
  // An active learner has never finished every item, or they would be completed.
  return {EnrollmentStatus::kActive,
          std::min<std::int64_t>(static_cast<std::int64_t>((h >> 8) % 5), course_items - 1)};
}

std::int64_t instructor_count(const ScaleOptions& o) {
  return std::clamp<std::int64_t>(o.courses / 20, 1, std::max<std::int64_t>(o.users - 1, 1));
}

std::vector<std::int32_t> enrollable_courses(const ScaleOptions& o) {
  std::vector<std::int32_t> out;
  for (std::int64_t c = 0; c < o.courses; ++c) {
    if (course_status(c) != CourseStatus::kDraft) out.push_back(static_cast<std::int32_t>(c));
  }
  return out;
}

// Spreads the enrollments over the learners (not the instructors) evenly, and
// over the courses with a popularity skew: a square of a uniform number puts
// many learners in the first courses and a few in the last.
Plan make_plan(const ScaleOptions& o) {
  Plan plan;
  plan.instructors = instructor_count(o);
  plan.enrollable = enrollable_courses(o);
  plan.seats_taken.assign(static_cast<std::size_t>(o.courses), 0);
  plan.enrollment_user.reserve(static_cast<std::size_t>(o.enrollments));
  plan.enrollment_course.reserve(static_cast<std::size_t>(o.enrollments));
  const std::int64_t learners = o.users - plan.instructors;
  const auto open = static_cast<std::int64_t>(plan.enrollable.size());
  const std::int64_t course_items = o.sections_per_course * o.items_per_section;
  std::vector<std::int32_t> mine;
  for (std::int64_t l = 0; l < learners; ++l) {
    const std::int64_t count = o.enrollments / learners + (l < o.enrollments % learners ? 1 : 0);
    mine.clear();
    for (std::int64_t k = 0; k < count; ++k) {
      const auto e = static_cast<std::int64_t>(plan.enrollment_course.size());
      std::int64_t slot = 0;
      for (int attempt = 0;; ++attempt) {
        const double r = static_cast<double>(hash_of(e, 0xc0de + attempt) >> 11) * 0x1.0p-53;
        slot = std::min<std::int64_t>(open - 1, static_cast<std::int64_t>(r * r * open));
        const auto course = plan.enrollable[static_cast<std::size_t>(slot)];
        if (std::find(mine.begin(), mine.end(), course) == mine.end()) break;
        if (attempt == 8) {  // a learner in most courses: take the next free one
          while (std::find(mine.begin(), mine.end(),
                           plan.enrollable[static_cast<std::size_t>(slot)]) != mine.end())
            slot = (slot + 1) % open;
          break;
        }
      }
      const auto course = plan.enrollable[static_cast<std::size_t>(slot)];
      mine.push_back(course);
      plan.enrollment_user.push_back(static_cast<std::int32_t>(plan.instructors + l));
      plan.enrollment_course.push_back(course);
      const auto state = enrollment_state(e, course_items);
      if (state.status != EnrollmentStatus::kCancelled)
        ++plan.seats_taken[static_cast<std::size_t>(course)];
      plan.progress_rows += state.items;
    }
  }
  return plan;
}

std::int64_t user_created(std::int64_t user, const ScaleOptions& o) {
  return kEpoch - 400 * kDay + user * (170 * kDay / std::max<std::int64_t>(o.users, 1));
}
std::string user_id(std::int64_t user, const ScaleOptions& o) {
  return scale_id(Kind::kUser, user, user_created(user, o));
}
std::int64_t course_created(std::int64_t course, const ScaleOptions& o) {
  return kEpoch - 380 * kDay + course * (150 * kDay / std::max<std::int64_t>(o.courses, 1));
}
std::string course_id(std::int64_t course, const ScaleOptions& o) {
  return scale_id(Kind::kCourse, course, course_created(course, o));
}
std::string instructor_id(std::int64_t instructor, const ScaleOptions& o) {
  return scale_id(Kind::kInstructor, instructor, user_created(instructor, o));
}
std::string item_id(std::int64_t course, std::int64_t index, const ScaleOptions& o) {
  const std::int64_t per_course = o.sections_per_course * o.items_per_section;
  return scale_id(Kind::kItem, course * per_course + index, course_created(course, o));
}
std::int64_t enrolled_at(std::int64_t enrollment) {
  return kEpoch - 220 * kDay +
         static_cast<std::int64_t>(hash_of(enrollment, 0xda7e) % (210 * kDay));
}

}  // namespace deltalabs::scale_plan
