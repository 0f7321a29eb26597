-- SQLite: row triggers, only for rows that are or were published (drafts do
-- not appear in search, so editing one leaves the index valid).
CREATE TRIGGER course_search_generation_insert AFTER INSERT ON courses
WHEN new.status = 'published'
BEGIN
  UPDATE course_search_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER course_search_generation_delete AFTER DELETE ON courses
WHEN old.status = 'published'
BEGIN
  UPDATE course_search_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER course_search_generation_update
AFTER UPDATE OF id, title, subtitle, description, status ON courses
WHEN (old.status = 'published' OR new.status = 'published')
  AND (old.id IS NOT new.id OR old.title IS NOT new.title OR old.subtitle IS NOT new.subtitle
       OR old.description IS NOT new.description OR old.status IS NOT new.status)
BEGIN
  UPDATE course_search_generation SET generation = generation + 1 WHERE id = 1;
END;
