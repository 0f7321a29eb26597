#pragma once

// Every SQL statement of the assessment domain. A course grade is the
// weighted mean of the learner's grade items (GradingRules::course_score),
// computed by the service and stored in grades.score in the transaction of
// the change; `deltalabs check` recomputes it here (kCourseScoreDrift).

#include "assessment/model.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"
#include "storage/row_table.h"
#include "storage/sql_text.h"

namespace deltalabs::assessment::sql {

// --- exercises ----------------------------------------------------------------------------------

inline constexpr const char* kInsertExercise =
    "INSERT INTO exercises (id, course_id, section_id, title, description, attempts_allowed, "
    "due_at, weight, published, created_by, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)";
inline constexpr auto kInsertQuestion = insert_into<
    "exercise_questions",
    "id, exercise_id, position, type, prompt, options, answer_key, tolerance, points">();

inline constexpr auto kExerciseRow = row_mapping<Exercise>({
    DL_COLUMNS_OF(x, Exercise, id, course_id, section_id, title, description, attempts_allowed,
                  due_at, weight, published, created_at, updated_at),
});
inline constexpr auto kExerciseSelect = select_from<kExerciseRow>("exercises x");

inline constexpr auto kSelectExercise =
    sql_concat(kExerciseSelect, "WHERE x.id = $1 AND x.course_id = $2");
inline constexpr auto kSelectExerciseById = sql_concat(kExerciseSelect, "WHERE x.id = $1");
// Oldest first; ids are UUIDv7, so id order is creation order. $2 = 1 lists published ones only.
inline constexpr auto kListExercises =
    sql_concat(kExerciseSelect,
               "WHERE x.course_id = $1 AND ($2 = 0 OR x.published) AND " DL_KEYSET_ASC(x.id, 3, 4));

inline constexpr const char* kSelectQuestions =
    "SELECT id, exercise_id, position, type, prompt, options, answer_key, tolerance, points "
    "FROM exercise_questions WHERE exercise_id = $1 ORDER BY position";
// Absent members keep their values; $5 says whether due_at was sent ($6, null clears).
inline constexpr const char* kUpdateExercise =
    "UPDATE exercises SET title = COALESCE($2, title), description = COALESCE($3, description), "
    "attempts_allowed = COALESCE($4, attempts_allowed), "
    "due_at = CASE WHEN $5 THEN $6 ELSE due_at END, published = COALESCE($7, published), "
    "updated_at = $8 WHERE id = $1";

// --- submissions --------------------------------------------------------------------------------

inline constexpr const char* kCountAttempts =
    "SELECT count(*) FROM submissions WHERE user_id = $1 AND exercise_id = $2";
inline constexpr const char* kInsertSubmission =
    "INSERT INTO submissions (id, exercise_id, user_id, attempt, answers, auto_score, score, "
    "max_score, status, submitted_at, graded_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, "
    "$10)";

inline constexpr auto kSubmissionRow = row_mapping<Submission>({
    DL_COLUMNS_OF(s, Submission, id, exercise_id),
    DL_COLUMNS_OF(x, Submission, course_id),
    DL_COLUMNS_OF(s, Submission, user_id, attempt, status, auto_score, score, max_score, feedback,
                  submitted_at, graded_at, graded_by),
});
inline constexpr auto kSubmissionSelect =
    sql_concat("SELECT ", column_list<kSubmissionRow>(),
               ", s.answers FROM submissions s JOIN exercises x ON x.id = s.exercise_id ");

inline constexpr auto kSelectSubmission = sql_concat(kSubmissionSelect, "WHERE s.id = $1");
// Of one exercise, one learner's ($2) or everyone's ($2 = ''), oldest first.
inline constexpr auto kListSubmissions =
    sql_concat(kSubmissionSelect,
               "WHERE s.exercise_id = $1 AND ($2 = '' OR CAST(s.user_id AS TEXT) = $2) "
               "AND " DL_KEYSET_ASC(s.id, 3, 4));

inline constexpr const char* kGradeSubmission =
    "UPDATE submissions SET answers = $2, score = $3, status = $4, feedback = COALESCE($5, "
    "feedback), graded_at = $6, graded_by = $7 WHERE id = $1";
// The learner's best graded attempt: what their grade item holds unless overridden.
inline constexpr const char* kBestGradedSubmission =
    "SELECT id, score, max_score FROM submissions WHERE user_id = $1 AND exercise_id = $2 "
    "AND status = 'graded' ORDER BY score DESC, attempt LIMIT 1";

// --- grade items and history --------------------------------------------------------------------

inline constexpr auto kGradeItemRow = row_mapping<GradeItem>({
    DL_COLUMNS_OF(gi, GradeItem, id, enrollment_id),
    DL_COLUMNS_OF(e, GradeItem, user_id),
    DL_COLUMNS_OF(x, GradeItem, course_id),
    DL_COLUMNS_OF(gi, GradeItem, exercise_id),
    {"x.title", &GradeItem::exercise_title},
    DL_COLUMNS_OF(x, GradeItem, weight),
    DL_COLUMNS_OF(gi, GradeItem, submission_id, score, max_score, overridden, updated_at),
});
inline constexpr RowTable<kGradeItemRow,
                          "grade_items gi JOIN enrollments e ON e.id = gi.enrollment_id JOIN "
                          "exercises x ON x.id = gi.exercise_id",
                          "gi.id">
    kGradeItemTable{"grade item"};

inline constexpr auto kSelectGradeItemOf =
    kGradeItemTable.where("gi.enrollment_id = $1 AND gi.exercise_id = $2");
inline constexpr auto kListGradeItemsOfEnrollment =
    kGradeItemTable.where("gi.enrollment_id = $1 ORDER BY gi.exercise_id");

inline constexpr const char* kInsertGradeItem =
    "INSERT INTO grade_items (id, enrollment_id, exercise_id, submission_id, score, max_score, "
    "overridden, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, FALSE, $7, $7)";
inline constexpr const char* kUpdateGradeItem =
    "UPDATE grade_items SET score = $2, submission_id = $3, overridden = $4, updated_at = $5 "
    "WHERE id = $1";
inline constexpr auto kInsertGradeChange = insert_into<
    "grade_history",
    "id, grade_item_id, old_score, new_score, changed_by, reason, source, created_at">();
inline constexpr const char* kListGradeChanges =
    "SELECT id, old_score, new_score, changed_by, reason, source, created_at FROM grade_history "
    "WHERE grade_item_id = $1 ORDER BY created_at, id";

// --- course grades and ranking ------------------------------------------------------------------

// scored_at moves only when the score does (ranking ties go to who got there first).
inline constexpr const char* kUpsertGrade =
    "INSERT INTO grades (id, enrollment_id, score, scored_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $4) ON CONFLICT (enrollment_id) DO UPDATE SET "
    "score = excluded.score, scored_at = CASE WHEN grades.score = excluded.score "
    "THEN grades.scored_at ELSE excluded.scored_at END, updated_at = excluded.updated_at";

inline constexpr auto kGradeRow = row_mapping<CourseGrade>({
    DL_COLUMNS_OF(g, CourseGrade, enrollment_id),
    DL_COLUMNS_OF(e, CourseGrade, user_id, course_id),
    DL_COLUMNS_OF(g, CourseGrade, score, scored_at),
});
inline constexpr RowTable<kGradeRow, "grades g JOIN enrollments e ON e.id = g.enrollment_id",
                          "g.id">
    kGradeTable{"grade"};

inline constexpr auto kSelectGradeOf = kGradeTable.where("g.enrollment_id = $1");
// Every learner's grade of a course, by user id.
inline constexpr auto kListGradesOfCourse =
    kGradeTable.where("e.course_id = $1 AND " DL_KEYSET_ASC_BY_TEXT(e.user_id, 2, 3));

// Enrolled students by course score; ties go to who completed the course
// first, then to who reached the score first. Paged by offset ($3).
inline constexpr const char* kRanking =
    "SELECT e.user_id, u.username, u.first_name, u.last_name, g.score, e.completed_at, "
    "g.scored_at FROM grades g JOIN enrollments e ON e.id = g.enrollment_id "
    "JOIN users u ON u.id = e.user_id WHERE e.course_id = $1 AND e.member_role = 'student' "
    "AND e.status <> 'cancelled' ORDER BY g.score DESC, CASE WHEN e.completed_at IS NULL "
    "THEN 1 ELSE 0 END, e.completed_at, g.scored_at, CAST(e.user_id AS TEXT) LIMIT $2 OFFSET $3";

// --- appeals ------------------------------------------------------------------------------------

inline constexpr const char* kInsertAppeal =
    "INSERT INTO appeals (id, grade_item_id, user_id, reason, status, created_at) "
    "VALUES ($1, $2, $3, $4, 'open', $5)";

inline constexpr auto kAppealRow = row_mapping<Appeal>({
    DL_COLUMNS_OF(a, Appeal, id, grade_item_id, user_id),
    DL_COLUMNS_OF(x, Appeal, course_id),
    DL_COLUMNS_OF(gi, Appeal, exercise_id),
    DL_COLUMNS_OF(a, Appeal, reason, status, new_score, resolved_by, resolution_note, created_at,
                  resolved_at),
});
inline constexpr RowTable<kAppealRow,
                          "appeals a JOIN grade_items gi ON gi.id = a.grade_item_id JOIN exercises "
                          "x ON x.id = gi.exercise_id",
                          "a.id">
    kAppealTable{"appeal"};

// Of one course: one learner's ($2) or all ($2 = ''), one status or all ($3), oldest first.
inline constexpr auto kListAppeals = kAppealTable.where(
    "x.course_id = $1 AND ($2 = '' OR CAST(a.user_id AS TEXT) = $2) "
    "AND ($3 = '' OR a.status = $3) AND " DL_KEYSET_ASC(a.id, 4, 5));

// Changes no row when the appeal was resolved meanwhile.
inline constexpr const char* kResolveAppeal =
    "UPDATE appeals SET status = $2, new_score = $3, resolved_by = $4, resolution_note = $5, "
    "resolved_at = $6 WHERE id = $1 AND status = 'open'";

}  // namespace deltalabs::assessment::sql
