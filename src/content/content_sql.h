#pragma once

// Every SQL statement of the content domain. Placeholders are $1..$N on both
// backends. Positions are 1..n per parent; moves first negate the affected
// range, so UNIQUE (parent, position) holds after every single row change.
#include "content/model.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"
#include "storage/row_table.h"
#include "storage/sql_text.h"

namespace deltalabs::content::sql {

// --- sections ----------------------------------------------------------------
inline constexpr auto kSectionRow = row_mapping<Section>({
    DL_COLUMNS_OF(s, Section, id, course_id, title, summary, position),
    {"(SELECT count(*) FROM content_items i WHERE i.section_id = s.id)", &Section::item_count},
    DL_COLUMNS_OF(s, Section, created_at, updated_at),
});
inline constexpr RowTable<kSectionRow, "course_sections s", "s.id"> kSections{"section"};
inline constexpr const char* kInsertSection =
    "INSERT INTO course_sections (id, course_id, title, summary, position, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(position), 0) + 1 FROM course_sections WHERE "
    "course_id = $2), "
    "$5, $5)";
inline constexpr auto kListSections =
    kSections.where("s.course_id = $1 AND s.position > $2 ORDER BY s.position LIMIT $3");
inline constexpr const char* kCountSections =
    "SELECT count(*) FROM course_sections WHERE course_id = $1";
inline constexpr const char* kUpdateSection =
    "UPDATE course_sections SET title = COALESCE($2, title), summary = COALESCE($3, summary), "
    "updated_at = $4 "
    "WHERE id = $1";
inline constexpr const char* kNegateSectionRange =
    "UPDATE course_sections SET position = -position WHERE course_id = $1 AND position BETWEEN $2 "
    "AND $3";
// $2 the moved section, $3 its new position, $4 the shift (+1 or -1) of the others in the range.
inline constexpr const char* kPlaceSectionRange =
    "UPDATE course_sections SET position = CASE WHEN id = $2 THEN $3 ELSE -position + $4 END "
    "WHERE course_id = $1 AND position < 0";
inline constexpr const char* kDeleteSection = "DELETE FROM course_sections WHERE id = $1";
inline constexpr const char* kNegateSectionsAfter =
    "UPDATE course_sections SET position = -position WHERE course_id = $1 AND position > $2";
inline constexpr const char* kCloseSectionGap =
    "UPDATE course_sections SET position = -position - 1 WHERE course_id = $1 AND position < 0";
inline constexpr const char* kCountSectionsWithItems =
    "SELECT count(*) FROM course_sections s WHERE s.course_id = $1 "
    "AND EXISTS (SELECT 1 FROM content_items i WHERE i.section_id = s.id)";
inline constexpr const char* kCountItemsOfCourse =
    "SELECT count(*) FROM content_items i JOIN course_sections s ON s.id = i.section_id WHERE "
    "s.course_id = $1";
// --- content items -------------------------------------------------------------
inline constexpr const char* kInsertItem =
    "INSERT INTO content_items (id, section_id, item_type, title, body, is_required, position, "
    "created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, "
    "(SELECT COALESCE(MAX(position), 0) + 1 FROM content_items WHERE section_id = $2), $7, $7)";
inline constexpr auto kContentItemRow = row_mapping<ContentItem>({
    DL_COLUMNS(ContentItem, id, section_id, item_type, title, body, is_required, position,
               created_at, updated_at),
});
inline constexpr RowTable<kContentItemRow, "content_items"> kContentItems{"content item"};
inline constexpr auto kListItems =
    kContentItems.where("section_id = $1 AND position > $2 ORDER BY position LIMIT $3");
inline constexpr const char* kUpdateItem =
    "UPDATE content_items SET title = COALESCE($2, title), body = COALESCE($3, body), "
    "is_required = COALESCE($4, is_required), updated_at = $5 WHERE id = $1";
inline constexpr const char* kCountItems =
    "SELECT count(*) FROM content_items WHERE section_id = $1";
inline constexpr const char* kNegateItemRange =
    "UPDATE content_items SET position = -position WHERE section_id = $1 AND position BETWEEN $2 "
    "AND $3";
inline constexpr const char* kPlaceItemRange =
    "UPDATE content_items SET position = CASE WHEN id = $2 THEN $3 ELSE -position + $4 END "
    "WHERE section_id = $1 AND position < 0";
inline constexpr const char* kDeleteItem = "DELETE FROM content_items WHERE id = $1";
inline constexpr const char* kNegateItemsAfter =
    "UPDATE content_items SET position = -position WHERE section_id = $1 AND position > $2";
inline constexpr const char* kCloseItemGap =
    "UPDATE content_items SET position = -position - 1 WHERE section_id = $1 AND position < 0";

// --- supplements and resources (cursor: id) ------------------------------------
inline constexpr auto kInsertSupplement =
    insert_into<"supplement_resources",
                "id, course_id, kind, title, url, body, created_by, created_at">();
inline constexpr auto kSupplementRow = row_mapping<Supplement>({
    DL_COLUMNS(Supplement, id, course_id, kind, title, url, body, created_at),
});
inline constexpr RowTable<kSupplementRow, "supplement_resources"> kSupplements{"supplement"};
inline constexpr auto kListSupplements =
    kSupplements.where("course_id = $1 AND " DL_KEYSET_ASC(id, 2, 3));
inline constexpr auto kInsertResource =
    insert_into<"resources",
                "id, course_id, title, description, mode, price_amount_minor, price_currency, "
                "stock, created_at, updated_at">();
inline constexpr auto kResourceRow = row_mapping<Resource>({
    DL_COLUMNS(Resource, id, course_id, title, description, mode, price_amount_minor,
               price_currency, stock, created_at, updated_at),
});
inline constexpr RowTable<kResourceRow, "resources"> kResources{"resource"};
inline constexpr auto kListResources =
    kResources.where("course_id = $1 AND " DL_KEYSET_ASC(id, 2, 3));
// Stock Commerce takes (checkout) and returns (cancellation, refund) through
// CourseMaterialService, in its transaction; taking changes no row when too few are left.
inline constexpr const char* kTakeResourceStock =
    "UPDATE resources SET stock = stock - $2, updated_at = $3 WHERE id = $1 AND stock >= $2";
inline constexpr const char* kReturnResourceStock =
    "UPDATE resources SET stock = stock + $2, updated_at = $3 WHERE id = $1";

// --- super-courses -------------------------------------------------------------------
inline constexpr auto kSuperCourseRow = row_mapping<SuperCourse>({
    DL_COLUMNS_OF(c, SuperCourse, id, slug, title, description, status, created_by),
    {"(SELECT count(*) FROM super_course_sections s WHERE s.super_course_id = c.id)",
     &SuperCourse::section_count},
    DL_COLUMNS_OF(c, SuperCourse, created_at, updated_at),
});
inline constexpr RowTable<kSuperCourseRow, "super_courses c", "c.id"> kSuperCourses{"super course"};
inline constexpr const char* kInsertSuperCourse =
    "INSERT INTO super_courses (id, slug, title, description, status, created_by, created_at, "
    "updated_at) "
    "VALUES ($1, $2, $3, $4, 'draft', $5, $6, $6)";
inline constexpr auto kListPublishedSuperCourses =
    kSuperCourses.where("c.status = 'published' AND " DL_KEYSET_ASC(c.id, 1, 2));
// Has the user created any super-course (the pipeline's owner rule for courses:update)?
inline constexpr const char* kCreatedAnySuperCourse =
    "SELECT 1 FROM super_courses WHERE created_by = $1 LIMIT 1";
inline constexpr const char* kCountSuperCoursesBySlug =
    "SELECT count(*) FROM super_courses WHERE slug = $1";
inline constexpr const char* kUpdateSuperCourse =
    "UPDATE super_courses SET title = COALESCE($2, title), description = COALESCE($3, "
    "description), "
    "updated_at = $4 WHERE id = $1";
inline constexpr const char* kPublishSuperCourse =
    "UPDATE super_courses SET status = 'published', updated_at = $2 WHERE id = $1 AND status = "
    "'draft'";
inline constexpr const char* kInsertSuperCourseSection =
    "INSERT INTO super_course_sections (id, super_course_id, section_id, position, created_at) "
    "VALUES ($1, $2, $3, "
    "(SELECT COALESCE(MAX(position), 0) + 1 FROM super_course_sections WHERE super_course_id = "
    "$2), $4)";
inline constexpr auto kSuperCourseSectionRow = row_mapping<SuperCourseSection>({
    DL_COLUMNS_OF(x, SuperCourseSection, id, super_course_id, section_id),
    DL_COLUMNS_OF(s, SuperCourseSection, course_id, title),
    DL_COLUMNS_OF(x, SuperCourseSection, position, created_at),
});
inline constexpr auto kListSuperCourseSections = select_where<kSuperCourseSectionRow>(
    "super_course_sections x JOIN course_sections s ON s.id = x.section_id",
    "x.super_course_id = $1 AND x.position > $2 ORDER BY x.position LIMIT $3");
// --- what Learning asks inside its transactions (through the services) ---------
inline constexpr const char* kSectionInCourse =
    "SELECT count(*) FROM course_sections WHERE id = $1 AND course_id = $2";
inline constexpr const char* kItemIsRequiredInCourse =
    "SELECT i.is_required FROM content_items i JOIN course_sections s ON s.id = i.section_id "
    "WHERE i.id = $1 AND s.course_id = $2";
inline constexpr const char* kSelectSuperCourseStatus =
    "SELECT status FROM super_courses WHERE id = $1";
// The distinct courses a super-course's sections come from, in section order.
inline constexpr const char* kSuperCourseCourses =
    "SELECT s.course_id, MIN(scs.position) AS first FROM super_course_sections scs "
    "JOIN course_sections s ON s.id = scs.section_id WHERE scs.super_course_id = $1 "
    "GROUP BY s.course_id ORDER BY first";

}  // namespace deltalabs::content::sql
