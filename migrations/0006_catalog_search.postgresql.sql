-- PostgreSQL search reads stored vectors instead of parsing title, subtitle
-- and description again for every candidate row: one per scored column, and
-- their concatenation under the GIN index that finds the matches.
ALTER TABLE courses
  ADD COLUMN search_title tsvector GENERATED ALWAYS AS (to_tsvector('english', title)) STORED,
  ADD COLUMN search_subtitle tsvector GENERATED ALWAYS AS (to_tsvector('english', subtitle)) STORED,
  ADD COLUMN search_description tsvector GENERATED ALWAYS AS (to_tsvector('english', description)) STORED;
ALTER TABLE courses
  ADD COLUMN search_all tsvector GENERATED ALWAYS AS (
    to_tsvector('english', title) || to_tsvector('english', subtitle) || to_tsvector('english', description)) STORED;
DROP INDEX courses_search_idx;
CREATE INDEX courses_search_all_idx ON courses USING GIN (search_all);
