-- Every course statement returns the course's instructor ids. Read through a
-- correlated subquery, they cost an index seek and an aggregate per course:
-- on SQLite, half the time of a 20-course page (decision 0023). The dialect
-- parts keep them on the course row instead, in courses.instructor_ids,
-- written by triggers on course_instructors in the same transaction as any
-- change to it, whoever writes. course_instructors stays the relation, with
-- its foreign keys; the column is derived from it, and `deltalabs check`
-- verifies that it still is.
ALTER TABLE courses ADD COLUMN instructor_ids TEXT NOT NULL DEFAULT '';

UPDATE schema_annotations
SET note = 'A course: draft, published or archived; price in minor units; full-text searchable; enrollment_count kept by Learning; instructor_ids derived from course_instructors by triggers.'
WHERE table_name = 'courses';
