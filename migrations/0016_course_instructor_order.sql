-- Every course statement reads its instructors' ids in the order they were
-- added (the `instructors` column of catalog_sql.h). Keyed on the course with
-- added_at and instructor_id in it, this index answers that subquery alone,
-- without visiting a table row per instructor (decision 0020).
CREATE INDEX course_instructors_order_idx ON course_instructors (course_id, added_at, instructor_id);
