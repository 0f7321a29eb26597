-- SQLite: the column holds what the subquery it replaces returned,
-- "<added_at> <instructor_id>" elements joined by commas, in no particular
-- order (group_concat cannot order before 3.44); the reader sorts them.
-- Each trigger rewrites the lists of the courses its row belongs to.
CREATE VIEW course_instructor_lists AS
SELECT c.id AS course_id,
       COALESCE((SELECT group_concat(ci.added_at || ' ' || ci.instructor_id, ',')
                 FROM course_instructors ci WHERE ci.course_id = c.id), '') AS instructor_ids
FROM courses c;

CREATE TRIGGER course_instructor_ids_insert AFTER INSERT ON course_instructors BEGIN
  UPDATE courses SET instructor_ids = (SELECT instructor_ids FROM course_instructor_lists WHERE course_id = courses.id) WHERE id = new.course_id;
END;

CREATE TRIGGER course_instructor_ids_delete AFTER DELETE ON course_instructors BEGIN
  UPDATE courses SET instructor_ids = (SELECT instructor_ids FROM course_instructor_lists WHERE course_id = courses.id) WHERE id = old.course_id;
END;

CREATE TRIGGER course_instructor_ids_update AFTER UPDATE ON course_instructors BEGIN
  UPDATE courses SET instructor_ids = (SELECT instructor_ids FROM course_instructor_lists WHERE course_id = courses.id) WHERE id IN (old.course_id, new.course_id);
END;

UPDATE courses SET instructor_ids = (SELECT instructor_ids FROM course_instructor_lists WHERE course_id = courses.id);
