-- Bookmarks: a learner keeps the questions they want to come back to
-- (engagement::BookmarkService). A question is bookmarked at most once per
-- user; a bookmark goes with its question or its user.
CREATE TABLE question_bookmarks (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  question_id UUID NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL,
  CONSTRAINT question_bookmarks_once UNIQUE (user_id, question_id)
);
CREATE INDEX question_bookmarks_user_idx ON question_bookmarks (user_id, id);
CREATE INDEX question_bookmarks_question_idx ON question_bookmarks (question_id);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('question_bookmarks', 'Engagement', 'A question one user keeps to come back to, once per user and question; listed newest first by its UUIDv7 id.');
