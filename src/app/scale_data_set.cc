#include "app/scale_data_set.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "app/progress_reporter.h"
#include "app/scale_plan.h"
#include "app/scale_seed_sql.h"
#include "app/scale_vocabulary.h"
#include "core/case_fold.h"
#include "core/slug.h"
#include "storage/bulk_inserter.h"

namespace deltalabs {

namespace {

using namespace scale_plan;  // NOLINT(google-build-using-namespace): every row is decided there
using namespace scale_vocabulary;  // NOLINT(google-build-using-namespace): the words are the file's
                                   // alphabet

// Rows per INSERT statement, measured (docs/benchmarks.md, 20k users, 2k
// courses, 200k enrollments): on PostgreSQL every statement is a round trip,
// so batches of about 4,000 parameters load 3.4x faster than one row per
// statement (20 s against 67 s; 1,000 took 33 s, 16,000 took 28 s). SQLite
// runs in-process: one cached single-row statement was fastest there (15 s,
// against 21 s, 29 s and 39 s for 1,000, 4,000 and 16,000 parameters; not
// profiled, likely the copies of every bound value and the multi-row VALUES
// coroutine).
constexpr std::size_t kPostgresParamsPerStatement = 4000;

std::size_t rows_per_statement(Dialect dialect, int columns) {
  if (dialect == Dialect::kSqlite) return 1;
  return std::max<std::size_t>(1, kPostgresParamsPerStatement / static_cast<std::size_t>(columns));
}

// What every writer needs: the options, the plan, the ids looked up and the reporter.
struct Context {
  const ScaleOptions& options;
  const Plan& plan;
  Connection& c;
  ProgressReporter& progress;
  std::string password_hash;
  std::string student_role;
  std::string instructor_role;
  std::vector<std::string> categories;
  std::vector<std::string> levels;
};

// A bulk writer of one table's rows on the writer's connection, batched as its dialect allows.
BulkInserter inserter(Context& x, std::string_view target, int columns) {
  return BulkInserter(x.c, target, static_cast<std::size_t>(columns),
                      rows_per_statement(x.c.dialect(), columns));
}

Result<std::string> id_by_slug(Connection& c, const char* sql, std::string_view slug) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql, {slug}));
  if (rows.empty())
    return Error::internal(std::string("missing reference row ") + std::string(slug));
  return rows[0].text(0);
}

template <std::size_t N>
Result<std::vector<std::string>> ensure_references(Connection& c,
                                                   const std::array<Reference, N>& refs, Kind kind,
                                                   const char* insert, const char* select) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < N; ++i) {
    DL_TRY(c.execute(insert, {scale_id(kind, static_cast<std::int64_t>(i), kEpoch - 400 * kDay),
                              refs[i].slug, refs[i].name, "", at(kEpoch - 400 * kDay)}));
    DL_ASSIGN_OR_RETURN(std::string id, id_by_slug(c, select, refs[i].slug));
    ids.push_back(std::move(id));
  }
  return ids;
}

// Same defaults as an account created by registration.
constexpr const char* kNotifications = R"({"email":true,"push":true,"digest":"weekly"})";
constexpr const char* kPrivacy = R"({"profile_visible":true,"show_progress":false})";

Status write_users(Context& x) {
  const auto& o = x.options;
  x.progress.phase("users");
  BulkInserter users = inserter(x, scale_sql::kUsers, scale_sql::kUsersColumns);
  BulkInserter preferences =
      inserter(x, scale_sql::kUserPreferences, scale_sql::kUserPreferencesColumns);
  BulkInserter roles = inserter(x, scale_sql::kUserRoles, scale_sql::kUserRolesColumns);
  for (std::int64_t u = 0; u < o.users; ++u) {
    const std::string created = at(user_created(u, o));
    const auto h = hash_of(u, 0x05e4);
    const std::string email = ScaleDataSet::email_of(u);
    const std::string username = "scale_user" + std::to_string(u);
    DL_TRY(users.row(user_id(u, o), email, case_fold_key(email), username, username,
                     x.password_hash, pick(kFirstNames, h), pick(kLastNames, h >> 8), "active",
                     true, created, created));
    x.progress.advance(1);
  }
  // Every account first: rows that point at one may only go in once it is there.
  DL_TRY(users.flush());
  for (std::int64_t u = 0; u < o.users; ++u) {
    const std::string id = user_id(u, o);
    const std::string created = at(user_created(u, o));
    DL_TRY(preferences.row(id, "system", "en", kNotifications, kPrivacy, created));
    DL_TRY(roles.row(id, u < x.plan.instructors ? x.instructor_role : x.student_role, created));
    x.progress.advance(2);
  }
  DL_TRY(preferences.flush());
  DL_TRY(roles.flush());
  BulkInserter instructors = inserter(x, scale_sql::kInstructors, scale_sql::kInstructorsColumns);
  for (std::int64_t i = 0; i < x.plan.instructors; ++i) {
    const std::string created = at(user_created(i, o) + kHour);
    DL_TRY(instructors.row(instructor_id(i, o), user_id(i, o),
                           std::string(pick(kTopics, hash_of(i, 0x1a))) + " teacher",
                           "Has taught thousands of learners online.", created, created));
    x.progress.advance(1);
  }
  return instructors.flush();
}

Status write_courses(Context& x) {
  const auto& o = x.options;
  x.progress.phase("courses");
  BulkInserter courses = inserter(x, scale_sql::kCourses, scale_sql::kCoursesColumns);
  BulkInserter teachers =
      inserter(x, scale_sql::kCourseInstructors, scale_sql::kCourseInstructorsColumns);
  teachers.references(courses);
  const std::int64_t instructors = x.plan.instructors;
  for (std::int64_t c = 0; c < o.courses; ++c) {
    const auto h = hash_of(c, 0xc0a5e);
    const auto status = course_status(c);
    const CourseText text = course_text(c, h);
    const std::int64_t price = (h >> 49) % 10 < 3 ? 0 : kPrices[(h >> 52) % kPrices.size()];
    const std::int64_t seats = x.plan.seats_taken[static_cast<std::size_t>(c)];
    const std::int64_t created_ms = course_created(c, o);
    std::optional<std::string> published_at;
    if (status != CourseStatus::kDraft) published_at = at(created_ms + 2 * kDay);
    const std::string created = at(created_ms);
    const std::int64_t first = c % instructors;
    const std::string id = course_id(c, o);
    DL_TRY(courses.row(
        id, slugify(text.title) + "-" + std::to_string(c), text.title, text.subtitle,
        text.description, x.categories[static_cast<std::size_t>(c) % x.categories.size()],
        x.levels[(h >> 40) % kLevels.size()], course_language(h), price, "USD",
        kCourseStatusText[static_cast<std::size_t>(status)], course_cap(status, h, seats), seats,
        user_id(first, o), published_at, created, published_at ? *published_at : created));
    DL_TRY(teachers.row(id, instructor_id(first, o), created));
    const std::int64_t second = (c * 7 + 1) % instructors;
    if ((h >> 62) == 0 && second != first) {  // a quarter of the courses are co-taught
      DL_TRY(teachers.row(id, instructor_id(second, o), created));
    }
    x.progress.advance(1);
  }
  DL_TRY(courses.flush());
  return teachers.flush();
}

Status write_content(Context& x) {
  const auto& o = x.options;
  x.progress.phase("sections and items");
  BulkInserter sections = inserter(x, scale_sql::kSections, scale_sql::kSectionsColumns);
  BulkInserter items = inserter(x, scale_sql::kItems, scale_sql::kItemsColumns);
  items.references(sections);
  for (std::int64_t c = 0; c < o.courses; ++c) {
    const std::int64_t created_ms = course_created(c, o);
    const std::string created = at(created_ms);
    for (std::int64_t s = 0; s < o.sections_per_course; ++s) {
      const std::int64_t section_number = c * o.sections_per_course + s;
      const std::string section = scale_id(Kind::kSection, section_number, created_ms);
      DL_TRY(sections.row(section, course_id(c, o),
                          "Part " + std::to_string(s + 1) + ": " +
                              std::string(pick(kNouns, hash_of(section_number, 0x5ec))),
                          "", s + 1, created, created));
      for (std::int64_t i = 0; i < o.items_per_section; ++i) {
        const std::int64_t index = s * o.items_per_section + i;
        const std::string_view type =
            kItemTypes[static_cast<std::size_t>(index) % kItemTypes.size()];
        DL_TRY(items.row(item_id(c, index, o), section, type, "Lesson " + std::to_string(index + 1),
                         item_body(type, index + 1), true, i + 1, created, created));
      }
      x.progress.advance(1 + o.items_per_section);
    }
  }
  DL_TRY(sections.flush());
  return items.flush();
}

// Enrollments first, all of them, then their progress: a progress row's
// enrollment must already be in the table when its batch is inserted.
Status write_enrollments(Context& x) {
  const auto& o = x.options;
  const std::int64_t course_items = o.sections_per_course * o.items_per_section;
  x.progress.phase("enrollments");
  BulkInserter enrollments = inserter(x, scale_sql::kEnrollments, scale_sql::kEnrollmentsColumns);
  const auto total = static_cast<std::int64_t>(x.plan.enrollment_course.size());
  for (std::int64_t e = 0; e < total; ++e) {
    const std::int64_t course = x.plan.enrollment_course[static_cast<std::size_t>(e)];
    const std::int64_t user = x.plan.enrollment_user[static_cast<std::size_t>(e)];
    const auto state = enrollment_state(e, course_items);
    const std::int64_t enrolled = enrolled_at(e);
    std::optional<std::string> completed;
    std::optional<std::string> cancelled;
    std::int64_t updated = enrolled + (state.items + 1) * kHour;
    if (state.status == EnrollmentStatus::kCompleted) completed = at(updated);
    if (state.status == EnrollmentStatus::kCancelled) cancelled = at(updated);
    const auto h = hash_of(course, 0xc0a5e);
    const bool paid = (h >> 49) % 10 >= 3;
    DL_TRY(enrollments.row(
        scale_id(Kind::kEnrollment, e, enrolled), user_id(user, o), course_id(course, o), "student",
        kEnrollmentStatusText[static_cast<std::size_t>(state.status)], paid ? "order" : "free",
        at(enrolled), completed, cancelled, at(updated)));
    x.progress.advance(1);
  }
  DL_TRY(enrollments.flush());

  x.progress.phase("progress");
  BulkInserter progress = inserter(x, scale_sql::kProgress, scale_sql::kProgressColumns);
  std::int64_t number = 0;
  for (std::int64_t e = 0; e < total; ++e) {
    const auto state = enrollment_state(e, course_items);
    if (state.items == 0) continue;
    const std::int64_t course = x.plan.enrollment_course[static_cast<std::size_t>(e)];
    const std::int64_t enrolled = enrolled_at(e);
    const std::string enrollment = scale_id(Kind::kEnrollment, e, enrolled);
    for (std::int64_t i = 0; i < state.items; ++i) {
      const std::int64_t started_ms = enrolled + i * kHour + kHour / 2;
      // An active learner is still in the middle of the last item they opened.
      const bool open = state.status == EnrollmentStatus::kActive && i == state.items - 1;
      const std::string started = at(started_ms);
      std::optional<std::string> done;
      if (!open) done = at(started_ms + kHour / 4);
      DL_TRY(progress.row(scale_id(Kind::kProgress, number++, started_ms), enrollment,
                          item_id(course, i, o), open ? "started" : "completed", started, done,
                          done ? *done : started));
    }
    x.progress.advance(state.items);
  }
  return progress.flush();
}

}  // namespace

ScaleDataSet::ScaleDataSet(ScaleOptions options) : options_(options) {}

std::string ScaleDataSet::email_of(std::int64_t n) {
  return "user" + std::to_string(n) + "@scale.deltalabs.local";
}

Status ScaleDataSet::validate() const {
  const auto& o = options_;
  if (o.users < 2) return Error::bad_request("SCALE_OPTIONS", "--users must be at least 2.");
  if (o.courses < 1) return Error::bad_request("SCALE_OPTIONS", "--courses must be at least 1.");
  if (o.enrollments < 0)
    return Error::bad_request("SCALE_OPTIONS", "--enrollments must not be negative.");
  if (o.sections_per_course < 1 || o.items_per_section < 1)
    return Error::bad_request(
        "SCALE_OPTIONS", "--sections and --items must be at least 1 (publishing needs content).");
  if (o.users > INT32_MAX || o.courses > INT32_MAX || o.enrollments > INT32_MAX)
    return Error::bad_request("SCALE_OPTIONS", "Sizes must stay below 2^31.");
  const std::int64_t learners = o.users - instructor_count(o);
  const auto open = static_cast<std::int64_t>(enrollable_courses(o).size());
  const std::int64_t per_learner = (o.enrollments + learners - 1) / learners;
  if (per_learner > open) {
    return Error::bad_request(
        "SCALE_OPTIONS", "Too many enrollments: " + std::to_string(learners) + " learners in " +
                             std::to_string(open) + " open courses hold at most " +
                             std::to_string(learners * open) + " (one per learner and course).");
  }
  return {};
}

Result<ScaleSummary> ScaleDataSet::load(Database& db, const identity::PasswordHasher& hasher,
                                        ProgressReporter& progress) const {
  DL_TRY(validate());
  const auto& o = options_;
  DL_ASSIGN_OR_RETURN(std::string password_hash, hasher.hash(kPassword));
  const Plan plan = make_plan(o);
  const std::int64_t items = o.courses * o.sections_per_course * (1 + o.items_per_section);
  progress.start(3 * o.users + plan.instructors + o.courses + items +
                 static_cast<std::int64_t>(plan.enrollment_course.size()) + plan.progress_rows);
  DL_ASSIGN_OR_RETURN(
      ScaleSummary summary, db.transaction([&](Connection& c) -> Result<ScaleSummary> {
        DL_ASSIGN_OR_RETURN(RowSet present, c.query(scale_sql::kCountUsersByEmail, {email_of(0)}));
        if (present[0].integer(0) > 0) {
          return Error::conflict("SCALE_DATA_PRESENT",
                                 "This database already holds a scale data set (" + email_of(0) +
                                     " exists); seed a new database instead.");
        }
        if (c.dialect() == Dialect::kSqlite) DL_TRY(c.execute_script(scale_sql::kSqliteLargeCache));
        Context x{o, plan, c, progress, password_hash, {}, {}, {}, {}};
        DL_ASSIGN_OR_RETURN(x.student_role, id_by_slug(c, scale_sql::kRoleIdBySlug, "student"));
        DL_ASSIGN_OR_RETURN(x.instructor_role,
                            id_by_slug(c, scale_sql::kRoleIdBySlug, "instructor"));
        DL_ASSIGN_OR_RETURN(x.categories, ensure_references(c, kCategories, Kind::kCategory,
                                                            scale_sql::kInsertCategoryIfMissing,
                                                            scale_sql::kCategoryIdBySlug));
        DL_ASSIGN_OR_RETURN(
            x.levels, ensure_references(c, kLevels, Kind::kLevel, scale_sql::kInsertLevelIfMissing,
                                        scale_sql::kLevelIdBySlug));
        DL_TRY(write_users(x));
        DL_TRY(write_courses(x));
        DL_TRY(write_content(x));
        DL_TRY(write_enrollments(x));
        ScaleSummary summary;
        summary.users = o.users;
        summary.instructors = plan.instructors;
        summary.courses = o.courses;
        for (std::int64_t course = 0; course < o.courses; ++course)
          summary.published_courses += course_status(course) == CourseStatus::kPublished ? 1 : 0;
        summary.sections = o.courses * o.sections_per_course;
        summary.items = summary.sections * o.items_per_section;
        summary.enrollments = static_cast<std::int64_t>(plan.enrollment_course.size());
        summary.progress = plan.progress_rows;
        return summary;
      }));
  progress.phase("analyze");
  DL_ASSIGN_OR_RETURN(ConnectionLease lease, db.write());
  DL_TRY(lease->execute_script(scale_sql::kAnalyze));
  return summary;
}

}  // namespace deltalabs
