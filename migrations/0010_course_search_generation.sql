-- The generation of the searchable catalog. Each server keeps a relevance
-- index of the published courses in memory (decision 0011) and trusts it only
-- while this counter still has the value it was built at. The triggers in the
-- dialect files move it in the same transaction as any change to what search
-- reads (a course's id, title, subtitle, description or status, courses added
-- or removed), whoever writes: this server, another instance, the CLI or a
-- hand-written statement.
CREATE TABLE course_search_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL
);
INSERT INTO course_search_generation (id, generation) VALUES (1, 0);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('course_search_generation', 'Catalog', 'One row: a counter that triggers on courses move whenever the published catalog''s searchable text or membership changes; in-memory search indexes are valid for one value.');
