#pragma once

// Every SQL statement of `seed --scale`. Bulk targets are "table (columns)"
// for BulkInserter, with their column counts next to them; the rest are plain
// statements with $1..$N placeholders on both backends.
namespace deltalabs::scale_sql {

// A scale data set is present when its first account exists.
inline constexpr const char* kCountUsersByEmail = "SELECT count(*) FROM users WHERE email = $1";
inline constexpr const char* kRoleIdBySlug = "SELECT id FROM roles WHERE slug = $1";

// Reference data is shared with other seeds (the demo catalog uses some of the
// same slugs), so it is added only when missing and then looked up.
inline constexpr const char* kInsertCategoryIfMissing =
    "INSERT INTO course_categories (id, slug, name, description, created_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slug) DO NOTHING";
inline constexpr const char* kCategoryIdBySlug = "SELECT id FROM course_categories WHERE slug = $1";
inline constexpr const char* kInsertLevelIfMissing =
    "INSERT INTO course_levels (id, slug, name, description, created_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slug) DO NOTHING";
inline constexpr const char* kLevelIdBySlug = "SELECT id FROM course_levels WHERE slug = $1";

inline constexpr const char* kUsers =
    "users (id, email, email_key, username, username_key, password_hash, first_name, last_name, "
    "status, email_verified, created_at, updated_at)";
inline constexpr int kUsersColumns = 12;
inline constexpr const char* kUserPreferences =
    "user_preferences (user_id, theme, language, notifications, privacy, updated_at)";
inline constexpr int kUserPreferencesColumns = 6;
inline constexpr const char* kUserRoles = "user_roles (user_id, role_id, granted_at)";
inline constexpr int kUserRolesColumns = 3;
inline constexpr const char* kInstructors =
    "instructors (id, user_id, headline, bio, created_at, updated_at)";
inline constexpr int kInstructorsColumns = 6;
inline constexpr const char* kCourses =
    "courses (id, slug, title, subtitle, description, category_id, level_id, language, "
    "price_amount_minor, price_currency, status, max_students, enrollment_count, created_by, "
    "published_at, created_at, updated_at)";
inline constexpr int kCoursesColumns = 17;
inline constexpr const char* kCourseInstructors =
    "course_instructors (course_id, instructor_id, added_at)";
inline constexpr int kCourseInstructorsColumns = 3;
inline constexpr const char* kSections =
    "course_sections (id, course_id, title, summary, position, created_at, updated_at)";
inline constexpr int kSectionsColumns = 7;
inline constexpr const char* kItems =
    "content_items (id, section_id, item_type, title, body, is_required, position, created_at, "
    "updated_at)";
inline constexpr int kItemsColumns = 9;
inline constexpr const char* kEnrollments =
    "enrollments (id, user_id, course_id, member_role, status, source, enrolled_at, completed_at, "
    "cancelled_at, updated_at)";
inline constexpr int kEnrollmentsColumns = 10;
inline constexpr const char* kProgress =
    "enrollment_progress (id, enrollment_id, content_item_id, status, started_at, completed_at, "
    "updated_at)";
inline constexpr int kProgressColumns = 7;

// SQLite only: a page cache large enough to hold the indexes being filled
// (about 512 MiB), so inserts in random key order do not go to disk.
inline constexpr const char* kSqliteLargeCache = "PRAGMA cache_size = -524288";

// Planner statistics for the freshly filled tables, on both backends. Without
// them SQLite lists the newest courses by sorting every published one (it
// guesses that status = 'published' is selective) and drives a search from
// the status index instead of the full-text matches.
inline constexpr const char* kAnalyze = "ANALYZE";

}  // namespace deltalabs::scale_sql
