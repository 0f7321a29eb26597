-- Idempotency keys: the first response to a POST that creates money or seat
-- state, replayed when a client retries with the same Idempotency-Key.
CREATE TABLE idempotency_keys (
  scope TEXT PRIMARY KEY,
  user_id UUID REFERENCES users (id) ON DELETE CASCADE,
  request_hash TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('in_progress', 'completed')),
  response_status INTEGER,
  response_content_type TEXT,
  response_headers JSONB,
  response_body TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
CREATE INDEX idempotency_keys_user_idx ON idempotency_keys (user_id);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('idempotency_keys', 'AI / operational',
   'Idempotency-Key of a money or seat POST per caller and route, with the first response kept 24 h for replay.');
