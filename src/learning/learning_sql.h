#pragma once

// Every SQL statement of the learning domain. Percent complete is derived
// here, from content_items.is_required and enrollment_progress, never stored.
// Seats are courses.enrollment_count (Catalog's row, taken and freed through
// catalog::CourseService): one per student enrollment that is not cancelled,
// capped by courses.max_students.

#include "learning/model.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"
#include "storage/row_table.h"
#include "storage/sql_text.h"

namespace deltalabs::learning::sql {

// --- enrollments --------------------------------------------------------------------------------

inline constexpr auto kEnrollmentRow = row_mapping<Enrollment>({
    DL_COLUMNS_OF(e, Enrollment, id, user_id, course_id),
    {"c.title", &Enrollment::course_title},
    {"c.slug", &Enrollment::course_slug},
    DL_COLUMNS_OF(e, Enrollment, member_role, status, source, super_course_id, enrolled_at,
                  completed_at, cancelled_at, updated_at),
    {"(SELECT count(*) FROM content_items i JOIN course_sections s ON s.id = i.section_id WHERE "
     "s.course_id = e.course_id AND i.is_required)",
     &Enrollment::required_items},
    {"(SELECT count(*) FROM enrollment_progress p JOIN content_items i ON i.id = p.content_item_id "
     "WHERE p.enrollment_id = e.id AND p.status = 'completed' AND i.is_required)",
     &Enrollment::completed_required_items},
    DL_COLUMNS_OF(e, Enrollment, order_id),
});
inline constexpr RowTable<kEnrollmentRow, "enrollments e JOIN courses c ON c.id = e.course_id",
                          "e.id">
    kEnrollmentTable{"enrollment"};

inline constexpr auto kSelectEnrollmentOf =
    kEnrollmentTable.where("e.user_id = $1 AND e.course_id = $2");
// Newest first; ids are UUIDv7, so id order is creation order.
inline constexpr auto kListEnrollmentsOfUser = kEnrollmentTable.where(
    "e.user_id = $1 AND ($2 = '' OR e.status = $2) AND " DL_KEYSET_DESC(e.id, 3, 4));

inline constexpr const char* kInsertEnrollment =
    "INSERT INTO enrollments (id, user_id, course_id, member_role, status, source, "
    "super_course_id, order_id, enrolled_at, updated_at) "
    "VALUES ($1, $2, $3, $4, 'active', $5, $6, $8, $7, $7)";
// A cancelled enrollment comes back to life; its progress is kept.
inline constexpr const char* kReactivateEnrollment =
    "UPDATE enrollments SET member_role = $2, status = 'active', source = $3, "
    "super_course_id = $4, order_id = $6, enrolled_at = $5, completed_at = NULL, "
    "cancelled_at = NULL, updated_at = $5 WHERE id = $1 AND status = 'cancelled'";
inline constexpr const char* kCancelEnrollment =
    "UPDATE enrollments SET status = 'cancelled', cancelled_at = $2, updated_at = $2 "
    "WHERE id = $1 AND status <> 'cancelled'";
inline constexpr const char* kCompleteEnrollment =
    "UPDATE enrollments SET status = 'completed', completed_at = $2, updated_at = $2 "
    "WHERE id = $1 AND status = 'active'";
// Taking the enrollment's row lock first serialises concurrent progress
// updates of one enrollment on PostgreSQL, so exactly one of them sees the
// last required item completed.
inline constexpr const char* kTouchEnrollment =
    "UPDATE enrollments SET updated_at = $2 WHERE id = $1";
inline constexpr const char* kIsMember =
    "SELECT count(*) FROM enrollments WHERE user_id = $1 AND course_id = $2 "
    "AND status <> 'cancelled'";

// --- other domains' rows this domain reads ------------------------------------------------------

inline constexpr const char* kUserExists = "SELECT count(*) FROM users WHERE id = $1";

// --- members ------------------------------------------------------------------------------------

// A member's row.
inline constexpr auto kCourseMemberRow = row_mapping<CourseMember>({
    DL_COLUMNS_OF(m, CourseMember, user_id),
    DL_COLUMNS_OF(u, CourseMember, username, first_name, last_name),
    DL_COLUMNS_OF(m, CourseMember, member_role, status, since),
});
// Enrolled members plus the course's instructors who hold no enrollment,
// one row per user, paged by user id.
inline constexpr auto kListMembers = sql_concat(
    "SELECT ", column_list<kCourseMemberRow>(),
    " FROM ("
    "  SELECT e.user_id, e.member_role, e.status, e.enrolled_at AS since FROM enrollments e "
    "  WHERE e.course_id = $1 AND e.status <> 'cancelled' "
    "  UNION ALL "
    "  SELECT i.user_id, 'instructor', 'active', ci.added_at FROM course_instructors ci "
    "  JOIN instructors i ON i.id = ci.instructor_id WHERE ci.course_id = $1 AND NOT EXISTS ("
    "    SELECT 1 FROM enrollments x WHERE x.course_id = $1 AND x.user_id = i.user_id "
    "    AND x.status <> 'cancelled')"
    ") m JOIN users u ON u.id = m.user_id "
    "WHERE " DL_KEYSET_ASC_BY_TEXT(m.user_id, 2, 3));

// --- announcements ------------------------------------------------------------------------------

inline constexpr auto kAnnouncementRow = row_mapping<Announcement>({
    DL_COLUMNS_OF(a, Announcement, id, course_id, author_id),
    {"u.first_name", &Announcement::author_first_name},
    {"u.last_name", &Announcement::author_last_name},
    DL_COLUMNS_OF(a, Announcement, title, body, created_at),
});
inline constexpr auto kInsertAnnouncement =
    insert_into<"course_announcements", "id, course_id, author_id, title, body, created_at">();
inline constexpr RowTable<kAnnouncementRow,
                          "course_announcements a JOIN users u ON u.id = a.author_id", "a.id">
    kAnnouncementTable{"announcement"};
inline constexpr auto kListAnnouncements =
    kAnnouncementTable.where("a.course_id = $1 AND " DL_KEYSET_DESC(a.id, 2, 3));
// Who hears of a new announcement: each user with a live enrollment in the
// course (learners, TAs, enrolled instructors), but its author.
inline constexpr const char* kAnnouncementRecipients =
    "SELECT e.user_id FROM enrollments e WHERE e.course_id = $1 AND e.status <> 'cancelled' "
    "AND e.user_id <> $2 ORDER BY e.user_id";

// --- item progress ------------------------------------------------------------------------------

inline constexpr const char* kListItemProgress =
    "SELECT p.content_item_id, p.status, p.started_at, p.completed_at "
    "FROM enrollment_progress p JOIN content_items i ON i.id = p.content_item_id "
    "JOIN course_sections s ON s.id = i.section_id "
    "WHERE p.enrollment_id = $1 ORDER BY s.position, i.position";
inline constexpr const char* kSelectItemProgressStatus =
    "SELECT status FROM enrollment_progress WHERE enrollment_id = $1 AND content_item_id = $2";
inline constexpr const char* kInsertItemProgress =
    "INSERT INTO enrollment_progress (id, enrollment_id, content_item_id, status, started_at, "
    "completed_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $5)";
inline constexpr const char* kCompleteItemProgress =
    "UPDATE enrollment_progress SET status = 'completed', completed_at = $3, updated_at = $3 "
    "WHERE enrollment_id = $1 AND content_item_id = $2 AND status = 'started'";

// --- roadmap ------------------------------------------------------------------------------------

// The course's milestones with one enrollment's state on each ('' = nobody's).
inline constexpr const char* kListRoadmap =
    "SELECT r.id, r.course_id, r.section_id, r.title, r.description, r.is_required, r.position, "
    "p.status, p.completed_at FROM roadmap_sections r "
    "LEFT JOIN roadmap_progress p ON p.roadmap_section_id = r.id "
    "AND CAST(p.enrollment_id AS TEXT) = $2 "
    "WHERE r.course_id = $1 ORDER BY r.position";
inline constexpr const char* kInsertRoadmapSection =
    "INSERT INTO roadmap_sections (id, course_id, section_id, title, description, is_required, "
    "position, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, "
    "(SELECT COALESCE(MAX(position), 0) + 1 FROM roadmap_sections WHERE course_id = $2), $7, $7)";
inline constexpr const char* kRoadmapSectionInCourse =
    "SELECT count(*) FROM roadmap_sections WHERE id = $1 AND course_id = $2";
inline constexpr const char* kSelectRoadmapProgressStatus =
    "SELECT status FROM roadmap_progress WHERE enrollment_id = $1 AND roadmap_section_id = $2";
inline constexpr const char* kInsertRoadmapProgress =
    "INSERT INTO roadmap_progress (id, enrollment_id, roadmap_section_id, status, started_at, "
    "completed_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $5)";
inline constexpr const char* kCompleteRoadmapProgress =
    "UPDATE roadmap_progress SET status = 'completed', completed_at = $3, updated_at = $3 "
    "WHERE enrollment_id = $1 AND roadmap_section_id = $2 AND status = 'started'";

// --- wishlist -----------------------------------------------------------------------------------

inline constexpr auto kInsertWishlistItem =
    insert_into<"wishlist_items", "id, user_id, course_id, added_at">();
inline constexpr const char* kDeleteWishlistItem =
    "DELETE FROM wishlist_items WHERE user_id = $1 AND course_id = $2";
inline constexpr auto kWishlistItemRow = row_mapping<WishlistItem>({
    DL_COLUMNS_OF(w, WishlistItem, id, course_id),
    {"c.slug", &WishlistItem::course_slug},
    {"c.title", &WishlistItem::course_title},
    DL_COLUMNS_OF(c, WishlistItem, price_amount_minor, price_currency),
    {"c.status", &WishlistItem::course_status},
    DL_COLUMNS_OF(w, WishlistItem, added_at),
});
inline constexpr RowTable<kWishlistItemRow, "wishlist_items w JOIN courses c ON c.id = w.course_id",
                          "w.id">
    kWishlistItemTable{"wishlist item"};
inline constexpr auto kListWishlist =
    kWishlistItemTable.where("w.user_id = $1 AND " DL_KEYSET_DESC(w.id, 2, 3));
inline constexpr auto kSelectWishlistItem =
    kWishlistItemTable.where("w.user_id = $1 AND w.course_id = $2");

}  // namespace deltalabs::learning::sql
