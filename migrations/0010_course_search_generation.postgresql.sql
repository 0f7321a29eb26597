-- PostgreSQL: statement triggers, one increment per statement however many
-- rows it touched (the bulk seed inserts thousands of courses per statement,
-- and updating one row thousands of times in a transaction would lengthen
-- its version chain for every later update). An UPDATE only fires them when
-- it sets one of the listed columns: enrollment counts do not.
CREATE FUNCTION course_search_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE course_search_generation SET generation = generation + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER course_search_generation_write
AFTER INSERT OR DELETE OR UPDATE OF id, title, subtitle, description, status OR TRUNCATE ON courses
FOR EACH STATEMENT EXECUTE FUNCTION course_search_generation_bump();
