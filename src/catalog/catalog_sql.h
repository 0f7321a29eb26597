#pragma once

// Every SQL statement of the catalog domain. Placeholders are $1..$N on both
// backends; optional filters use CAST($n AS TEXT) IS NULL so PostgreSQL can
// type the parameter. Only full-text matching differs by dialect.
#include "catalog/model.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"
#include "storage/row_table.h"
#include "storage/sql_text.h"

namespace deltalabs::catalog::sql {

// --- reference data: categories and levels --------------------------------
inline constexpr auto kInsertCategory =
    insert_into<"course_categories", "id, slug, name, description, created_at">();
inline constexpr const char* kSelectCategory =
    "SELECT id, slug, name, description, created_at FROM course_categories WHERE id = $1";
inline constexpr const char* kListCategories =
    "SELECT id, slug, name, description, created_at FROM course_categories "
    "WHERE ($1 = '' OR slug > $1) ORDER BY slug LIMIT $2";
inline constexpr auto kInsertLevel =
    insert_into<"course_levels", "id, slug, name, description, created_at">();
inline constexpr const char* kSelectLevel =
    "SELECT id, slug, name, description, created_at FROM course_levels WHERE id = $1";
inline constexpr const char* kListLevels =
    "SELECT id, slug, name, description, created_at FROM course_levels "
    "WHERE ($1 = '' OR slug > $1) ORDER BY slug LIMIT $2";

// --- instructors -------------------------------------------------------------
inline constexpr auto kInstructorRow = row_mapping<Instructor>({
    DL_COLUMNS_OF(i, Instructor, id, user_id),
    {"u.first_name || ' ' || u.last_name", &Instructor::name},
    DL_COLUMNS_OF(i, Instructor, headline, bio, created_at),
});
inline constexpr RowTable<kInstructorRow, "instructors i JOIN users u ON u.id = i.user_id", "i.id">
    kInstructorTable{"instructor"};
inline constexpr const char* kInsertInstructor =
    "INSERT INTO instructors (id, user_id, headline, bio, created_at, updated_at) VALUES ($1, $2, "
    "$3, $4, $5, $5)";
inline constexpr auto kSelectInstructorByUser = kInstructorTable.where("i.user_id = $1");
inline constexpr auto kListInstructors = kInstructorTable.where("" DL_KEYSET_ASC(i.id, 1, 2));
inline constexpr auto kListInstructorsOfCourse =
    sql_concat(kInstructorTable.kSelect,
               "JOIN course_instructors ci ON ci.instructor_id = i.id WHERE ci.course_id = $1 "
               "ORDER BY ci.added_at, i.id");
inline constexpr const char* kCountUsersById = "SELECT count(*) FROM users WHERE id = $1";
// --- courses -----------------------------------------------------------------
#define DL_COURSE_COLUMNS                                                                     \
  "c.id, c.slug, c.title, c.subtitle, c.description, c.category_id, c.level_id, c.language, " \
  "c.price_amount_minor, c.price_currency, c.status, c.max_students, c.enrollment_count, "    \
  "c.created_by, "                                                                            \
  "c.published_at, c.created_at, c.updated_at"

// A course's instructor ids, kept on its row by triggers on
// course_instructors (migration 0019, decision 0023): on PostgreSQL the ids
// in the order they were added, joined by commas; on SQLite (group_concat
// cannot order before 3.44) "<added_at> <instructor_id>" elements in any
// order, which read_course sorts (added_at is fixed-width RFC 3339 text).
#define DL_COURSE_INSTRUCTORS "c.instructor_ids AS instructors"

inline constexpr const char* kInsertCourse =
    "INSERT INTO courses (id, slug, title, subtitle, description, category_id, level_id, language, "
    "price_amount_minor, price_currency, status, max_students, enrollment_count, created_by, "
    "created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'draft', $11, 0, $12, $13, $13)";
inline constexpr const char* kSelectCourse =
    "SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS " FROM courses c WHERE c.id = $1";
inline constexpr const char* kCountCoursesBySlug = "SELECT count(*) FROM courses WHERE slug = $1";
inline constexpr const char* kUpdateCourse =
    "UPDATE courses SET title = COALESCE($2, title), subtitle = COALESCE($3, subtitle), "
    "description = COALESCE($4, description), category_id = COALESCE($5, category_id), "
    "level_id = COALESCE($6, level_id), language = COALESCE($7, language), "
    "price_amount_minor = COALESCE($8, price_amount_minor), price_currency = COALESCE($9, "
    "price_currency), "
    "max_students = CASE WHEN $10 = 1 THEN $11 ELSE max_students END, updated_at = $12 WHERE id = "
    "$1";
// Moves a course from one status to another; changes nothing when it is no longer in `from`.
inline constexpr const char* kTransitionCourse =
    "UPDATE courses SET status = $3, updated_at = $4, "
    "published_at = CASE WHEN $3 = 'published' THEN $4 ELSE published_at END WHERE id = $1 AND "
    "status = $2";
inline constexpr const char* kCountCategoriesById =
    "SELECT count(*) FROM course_categories WHERE id = $1";
inline constexpr const char* kCountLevelsById = "SELECT count(*) FROM course_levels WHERE id = $1";
inline constexpr const char* kCountInstructorsById =
    "SELECT count(*) FROM instructors WHERE id = $1";
inline constexpr const char* kDeleteCourseInstructors =
    "DELETE FROM course_instructors WHERE course_id = $1";
inline constexpr auto kInsertCourseInstructor =
    insert_into<"course_instructors", "course_id, instructor_id, added_at">();
// Does the user teach any course at all (the pipeline's owner rule for courses:update)?
inline constexpr const char* kTeachesAnyCourse =
    "SELECT 1 FROM course_instructors ci JOIN instructors i ON i.id = ci.instructor_id "
    "WHERE i.user_id = $1 LIMIT 1";
inline constexpr const char* kIsCourseInstructor =
    "SELECT count(*) FROM course_instructors ci JOIN instructors i ON i.id = ci.instructor_id "
    "WHERE ci.course_id = $1 AND i.user_id = $2";
// Seats (decision 0007): Learning takes and frees them through CourseService, in its transaction.
inline constexpr const char* kTakeSeat =
    "UPDATE courses SET enrollment_count = enrollment_count + 1 "
    "WHERE id = $1 AND (max_students IS NULL OR enrollment_count < max_students)";
inline constexpr const char* kFreeSeat =
    "UPDATE courses SET enrollment_count = enrollment_count - 1 "
    "WHERE id = $1 AND enrollment_count > 0";

// --- the public catalog --------------------------------------------------------
// $1 the text query (SQLite: an FTS5 expression of quoted words; PostgreSQL:
// the words for plainto_tsquery), $2 category slug or id, $3 level slug or id,
// $4 instructor id, $5 language, $6 price_max, $7 'true'/'false' for free,
// $8 the sort key of the last row seen, $9 its id (NULL on the first page),
// $10 the row limit. Relevance is a column-weighted match score (title 4,
// subtitle 2, description 1) that does not depend on other rows, so a cursor
// on (score, id) stays exact when courses are added between pages.
#define DL_CATALOG_FILTERS                                                             \
  "c.status = 'published' "                                                            \
  "AND (CAST($2 AS TEXT) IS NULL OR c.category_id IN "                                 \
  "     (SELECT id FROM course_categories WHERE slug = $2 OR CAST(id AS TEXT) = $2)) " \
  "AND (CAST($3 AS TEXT) IS NULL OR c.level_id IN "                                    \
  "     (SELECT id FROM course_levels WHERE slug = $3 OR CAST(id AS TEXT) = $3)) "     \
  "AND (CAST($4 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM course_instructors ci "      \
  "     WHERE ci.course_id = c.id AND CAST(ci.instructor_id AS TEXT) = $4)) "          \
  "AND (CAST($5 AS TEXT) IS NULL OR c.language = $5) "                                 \
  "AND (CAST($6 AS BIGINT) IS NULL OR c.price_amount_minor <= $6) "                    \
  "AND (CAST($7 AS TEXT) IS NULL OR ($7 = 'true' AND c.price_amount_minor = 0) "       \
  "     OR ($7 = 'false' AND c.price_amount_minor > 0)) "

#define DL_SQLITE_MATCH(columns) \
  "c.rowid IN (SELECT rowid FROM courses_fts WHERE courses_fts MATCH " columns ")"
#define DL_SQLITE_SCORED \
  "SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS ", "                                          \
  "(CASE WHEN CAST($1 AS TEXT) IS NULL THEN 0 ELSE "                                                 \
  "  4 * (" DL_SQLITE_MATCH("'title : (' || $1 || ')'") ") + "                                       \
  "  2 * (" DL_SQLITE_MATCH("'subtitle : (' || $1 || ')'") ") + "                                    \
  "  (" DL_SQLITE_MATCH("'description : (' || $1 || ')'") ") END) AS score "                        \
  "FROM courses c WHERE " DL_CATALOG_FILTERS                                                          \
  "AND (CAST($1 AS TEXT) IS NULL OR " DL_SQLITE_MATCH("$1") ") "

// With a text query the match is a required condition, so the planner can
// start from the full-text matches instead of every published course. On
// SQLite the scored rows are materialized once: referenced by the outer
// WHERE and ORDER BY, a flattened subquery would run each score's match
// subqueries again.
#define DL_SQLITE_SEARCHED \
  "WITH s AS MATERIALIZED (SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS ", "                                          \
  "  4 * (" DL_SQLITE_MATCH("'title : (' || $1 || ')'") ") + "                                      \
  "  2 * (" DL_SQLITE_MATCH("'subtitle : (' || $1 || ')'") ") + "                                   \
  "  (" DL_SQLITE_MATCH("'description : (' || $1 || ')'") ") AS score "                             \
  "FROM courses c WHERE " DL_CATALOG_FILTERS "AND " DL_SQLITE_MATCH("$1") ") SELECT * FROM s "

// PostgreSQL matches stored vectors (migration 0006): one per scored column,
// and search_all under the GIN index.
#define DL_PG_MATCH(column) column " @@ plainto_tsquery('english', $1)"
#define DL_PG_SCORE \
  "4 * CAST(" DL_PG_MATCH("c.search_title") " AS INTEGER) + "                          \
  "2 * CAST(" DL_PG_MATCH("c.search_subtitle") " AS INTEGER) + "                       \
  "CAST(" DL_PG_MATCH("c.search_description") " AS INTEGER)"
#define DL_PG_SCORED                                             \
  "SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS         \
  ", "                                                           \
  "(CASE WHEN CAST($1 AS TEXT) IS NULL THEN 0 ELSE " DL_PG_SCORE \
  " END) AS score "                                              \
  "FROM courses c WHERE " DL_CATALOG_FILTERS                     \
  "AND (CAST($1 AS TEXT) IS NULL OR " DL_PG_MATCH("c.search_all") ") "

#define DL_PG_SEARCHED                                                    \
  "SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS ", " DL_PG_SCORE \
  " AS score "                                                            \
  "FROM courses c WHERE " DL_CATALOG_FILTERS "AND " DL_PG_MATCH("c.search_all") " "

// Other orders of a text query need the matches, not their scores: the
// column scores cost three more matches per row, for nothing.
#define DL_SQLITE_MATCHED                                               \
  "SELECT * FROM (SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS \
  ", 0 AS score "                                                       \
  "FROM courses c WHERE " DL_CATALOG_FILTERS "AND " DL_SQLITE_MATCH("$1") ") s "
#define DL_PG_MATCHED                                                   \
  "SELECT * FROM (SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS \
  ", 0 AS score "                                                       \
  "FROM courses c WHERE " DL_CATALOG_FILTERS "AND " DL_PG_MATCH("c.search_all") ") s "

// Keyset conditions and orders, one per sort; `s` is the scored row set.
#define DL_BY_RELEVANCE                                                                           \
  "WHERE CAST($9 AS TEXT) IS NULL OR s.score < $8 OR (s.score = $8 AND CAST(s.id AS TEXT) > $9) " \
  "ORDER BY s.score DESC, s.id ASC LIMIT $10"
#define DL_BY_NEWEST                                                                         \
  "WHERE CAST($9 AS TEXT) IS NULL OR (CAST($8 AS BIGINT) >= 0 AND CAST(s.id AS TEXT) < $9) " \
  "ORDER BY s.id DESC LIMIT $10"
#define DL_BY_POPULAR                                          \
  "WHERE CAST($9 AS TEXT) IS NULL OR s.enrollment_count < $8 " \
  "OR (s.enrollment_count = $8 AND CAST(s.id AS TEXT) < $9) "  \
  "ORDER BY s.enrollment_count DESC, s.id DESC LIMIT $10"
#define DL_BY_PRICE                                              \
  "WHERE CAST($9 AS TEXT) IS NULL OR s.price_amount_minor > $8 " \
  "OR (s.price_amount_minor = $8 AND CAST(s.id AS TEXT) > $9) "  \
  "ORDER BY s.price_amount_minor ASC, s.id ASC LIMIT $10"

inline constexpr const char* kSqliteCatalogByRelevance =
    "SELECT * FROM (" DL_SQLITE_SCORED ") s " DL_BY_RELEVANCE;
inline constexpr const char* kSqliteCatalogByNewest =
    "SELECT * FROM (" DL_SQLITE_SCORED ") s " DL_BY_NEWEST;
inline constexpr const char* kSqliteCatalogByPopular =
    "SELECT * FROM (" DL_SQLITE_SCORED ") s " DL_BY_POPULAR;
inline constexpr const char* kSqliteCatalogByPrice =
    "SELECT * FROM (" DL_SQLITE_SCORED ") s " DL_BY_PRICE;
inline constexpr const char* kPgCatalogByRelevance =
    "SELECT * FROM (" DL_PG_SCORED ") s " DL_BY_RELEVANCE;
inline constexpr const char* kPgCatalogByNewest =
    "SELECT * FROM (" DL_PG_SCORED ") s " DL_BY_NEWEST;
inline constexpr const char* kPgCatalogByPopular =
    "SELECT * FROM (" DL_PG_SCORED ") s " DL_BY_POPULAR;
inline constexpr const char* kPgCatalogByPrice = "SELECT * FROM (" DL_PG_SCORED ") s " DL_BY_PRICE;

// The catalog's first and most requested listing, newest first with no text
// query or filter, without the conditions every row would otherwise evaluate:
// the first page, and the pages after the id of the last row seen ($1). The
// row limit is written into the text (with_row_limit): PostgreSQL plans a
// `LIMIT $n` afresh at every execution, since its generic plan guesses a
// tenth of the table, and planning cost more than running (decision 0030).
inline constexpr const char* kSqliteCatalogNewestFirst =
    "SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS
    ", 0 AS score FROM courses c WHERE c.status = 'published' ORDER BY c.id DESC";
inline constexpr const char* kSqliteCatalogNewestAfter =
    "SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS
    ", 0 AS score FROM courses c WHERE c.status = 'published' AND c.id < $1 ORDER BY c.id DESC";
inline constexpr const char* kPgCatalogNewestFirst = kSqliteCatalogNewestFirst;
inline constexpr const char* kPgCatalogNewestAfter =
    "SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS
    ", 0 AS score FROM courses c WHERE c.status = 'published' AND c.id < CAST($1 AS UUID) "
    "ORDER BY c.id DESC";

// The same four orders when a text query is given ($1 not NULL).
inline constexpr const char* kSqliteSearchByRelevance = DL_SQLITE_SEARCHED DL_BY_RELEVANCE;
inline constexpr const char* kSqliteSearchByNewest = DL_SQLITE_MATCHED DL_BY_NEWEST;
inline constexpr const char* kSqliteSearchByPopular = DL_SQLITE_MATCHED DL_BY_POPULAR;
inline constexpr const char* kSqliteSearchByPrice = DL_SQLITE_MATCHED DL_BY_PRICE;
inline constexpr const char* kPgSearchByRelevance =
    "SELECT * FROM (" DL_PG_SEARCHED ") s " DL_BY_RELEVANCE;
inline constexpr const char* kPgSearchByNewest = DL_PG_MATCHED DL_BY_NEWEST;
inline constexpr const char* kPgSearchByPopular = DL_PG_MATCHED DL_BY_POPULAR;
inline constexpr const char* kPgSearchByPrice = DL_PG_MATCHED DL_BY_PRICE;

// --- the in-memory relevance search (CourseSearchIndex, decision 0014) --------
// Moved by triggers (migration 0010) whenever the published catalog's text or
// membership changes; an index built at one value describes the database at it.
inline constexpr const char* kSelectSearchGeneration =
    "SELECT generation FROM course_search_generation WHERE id = 1";
// Every published course: the key a word's postings name it by, and its id.
inline constexpr const char* kSqliteSearchKeys =
    "SELECT rowid, id FROM courses WHERE status = 'published'";
inline constexpr const char* kPgSearchKeys =
    "SELECT CAST(id AS TEXT), CAST(id AS TEXT) FROM courses WHERE status = 'published'";
// The courses holding one word ($1, as match_text writes it) and where: a key
// and a column bit (title 4, subtitle 2, description 1). SQLite answers one
// row per matching column straight from the FTS5 index (drafts included: keys
// outside the published set are dropped); PostgreSQL one row per published
// course with its columns or-ed.
inline constexpr const char* kSqliteWordColumns =
    "SELECT rowid, 4 FROM courses_fts WHERE courses_fts MATCH 'title : (' || $1 || ')' "
    "UNION ALL SELECT rowid, 2 FROM courses_fts WHERE courses_fts MATCH 'subtitle : (' || $1 || "
    "')' "
    "UNION ALL SELECT rowid, 1 FROM courses_fts WHERE courses_fts MATCH 'description : (' || $1 "
    "|| ')'";
inline constexpr const char* kPgWordColumns =
    "SELECT CAST(c.id AS TEXT), " DL_PG_SCORE
    " FROM courses c WHERE c.status = 'published' AND " DL_PG_MATCH("c.search_all");
// 1 when some published course matches the whole query $1, else 0.
inline constexpr const char* kSqliteMatchesPublished =
    "SELECT count(*) FROM (SELECT 1 FROM courses c WHERE c.status = 'published' "
    "AND " DL_SQLITE_MATCH("$1") " LIMIT 1)";
inline constexpr const char* kPgMatchesPublished =
    "SELECT count(*) FROM (SELECT 1 FROM courses c WHERE c.status = 'published' AND " DL_PG_MATCH(
        "c.search_all") " LIMIT 1) m";
// The courses of a ranked list of search keys ($1, a JSON array: rowids on
// SQLite, which read a row without a seek through the 36-character id index,
// ids on PostgreSQL), each with its position in the list and whether it
// passes the catalog filters ($2..$7 as above), then the catalog generation
// the statement's snapshot reads (so a search learns whether its index is
// current without a round trip of its own); in no particular order (the
// caller sorts the few rows by position). Every key reads its row, so the
// caller can tell a stale index (a VACUUM may renumber rowids) from filtered
// rows.
#define DL_SEARCH_GENERATION "(SELECT generation FROM course_search_generation WHERE id = 1)"
// The same without filters (courses the index ranked are published at the
// generation this snapshot reads): $1 the keys.
inline constexpr const char* kSqliteRankedCoursesUnfiltered =
    "SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS
    ", j.key, c.status = 'published', " DL_SEARCH_GENERATION
    " FROM json_each($1) j CROSS JOIN courses c WHERE c.rowid = j.value";
inline constexpr const char* kPgRankedCoursesUnfiltered =
    "SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS
    ", j.ord - 1, c.status = 'published', " DL_SEARCH_GENERATION
    " FROM jsonb_array_elements_text(CAST($1 AS JSONB)) WITH ORDINALITY AS j(id, ord) "
    "JOIN courses c ON c.id = CAST(j.id AS UUID)";
inline constexpr const char* kSqliteRankedCourses =
    "SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS ", j.key, (" DL_CATALOG_FILTERS
    "), " DL_SEARCH_GENERATION " FROM json_each($1) j CROSS JOIN courses c WHERE c.rowid = j.value";
inline constexpr const char* kPgRankedCourses =
    "SELECT " DL_COURSE_COLUMNS ", " DL_COURSE_INSTRUCTORS ", j.ord - 1, (" DL_CATALOG_FILTERS
    "), " DL_SEARCH_GENERATION
    " FROM jsonb_array_elements_text(CAST($1 AS JSONB)) WITH ORDINALITY AS j(id, ord) "
    "JOIN courses c ON c.id = CAST(j.id AS UUID)";

#undef DL_SEARCH_GENERATION
#undef DL_BY_PRICE
#undef DL_BY_POPULAR
#undef DL_BY_NEWEST
#undef DL_BY_RELEVANCE
#undef DL_PG_MATCHED
#undef DL_SQLITE_MATCHED
#undef DL_PG_SEARCHED
#undef DL_PG_SCORED
#undef DL_PG_SCORE
#undef DL_PG_MATCH
#undef DL_SQLITE_SEARCHED
#undef DL_SQLITE_SCORED
#undef DL_SQLITE_MATCH
#undef DL_CATALOG_FILTERS
#undef DL_COURSE_COLUMNS
#undef DL_COURSE_INSTRUCTORS

}  // namespace deltalabs::catalog::sql
