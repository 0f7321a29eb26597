-- Foundation: the annotations the data-model document is generated from.
-- Every later migration that creates a table annotates it here with its
-- domain (a section of docs/data-model.md) and a one-line note.
CREATE TABLE schema_annotations (
  table_name TEXT PRIMARY KEY,
  domain TEXT NOT NULL CHECK (domain IN ('Identity', 'Catalog', 'Learning', 'Assessment', 'Content',
                                         'Engagement', 'Commerce', 'Labs', 'AI / operational')),
  note TEXT NOT NULL
);
