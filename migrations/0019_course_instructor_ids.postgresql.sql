-- PostgreSQL: the column holds the ids in the order they were added, joined
-- by commas. Row triggers: a course's instructors change a few rows at a time.
-- The course row is locked before its list is read, so that two transactions
-- changing one course's instructors at once cannot each write a list without
-- the other's change: the second waits for the first to commit, and the next
-- statement (a new snapshot under READ COMMITTED) reads both.
CREATE FUNCTION course_instructor_ids_refresh(course UUID) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM courses WHERE id = course FOR UPDATE;
  UPDATE courses SET instructor_ids = COALESCE((SELECT string_agg(CAST(ci.instructor_id AS TEXT), ','
      ORDER BY ci.added_at, ci.instructor_id) FROM course_instructors ci WHERE ci.course_id = course), '')
  WHERE id = course;
END;
$$;

CREATE FUNCTION course_instructor_ids_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM course_instructor_ids_refresh(new.course_id);
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND old.course_id <> new.course_id) THEN
    PERFORM course_instructor_ids_refresh(old.course_id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER course_instructor_ids_write
AFTER INSERT OR UPDATE OR DELETE ON course_instructors
FOR EACH ROW EXECUTE FUNCTION course_instructor_ids_write();

UPDATE courses c SET instructor_ids = COALESCE((SELECT string_agg(CAST(ci.instructor_id AS TEXT), ','
    ORDER BY ci.added_at, ci.instructor_id) FROM course_instructors ci WHERE ci.course_id = c.id), '');
