-- PostgreSQL full-text search over courses: a GIN index on the same tsvector
-- expression the catalog query matches against.
CREATE INDEX courses_search_idx ON courses
  USING GIN (to_tsvector('english', title || ' ' || subtitle || ' ' || description));
