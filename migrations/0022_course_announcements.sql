-- Course announcements: what a course's instructors tell everyone taking part.
-- Posting one notifies each enrolled member in the same transaction
-- (learning::AnnouncementService); members read them newest first.
CREATE TABLE course_announcements (
  id UUID PRIMARY KEY,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  author_id UUID NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX course_announcements_course_idx ON course_announcements (course_id, id);
CREATE INDEX course_announcements_author_idx ON course_announcements (author_id);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('course_announcements', 'Learning', 'A message from one of a course''s instructors or editors to its members, who are each notified when it is posted; newest first by its UUIDv7 id.');
