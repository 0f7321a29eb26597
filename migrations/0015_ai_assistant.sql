-- AI assistant and operational data: conversations with the assistant and
-- every message of them (user prompts, tool calls with their arguments and
-- results, answers), per-user daily usage for the token cap, content drafts
-- promoted into real sections by an instructor, and feature flags.

-- A user's conversation with the assistant; goes with its user.
CREATE TABLE conversations (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  provider TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX conversations_user_idx ON conversations (user_id, id);

-- One message of a conversation. A chat turn (one POST /v1/ai/chat) writes
-- its user prompt at position 0, then one row per tool call, then the answer;
-- (turn_id, position) is unique, so no message of a turn is written twice.
CREATE TABLE conversation_messages (
  id UUID PRIMARY KEY,
  conversation_id UUID NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  turn_id UUID NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'tool')),
  content TEXT NOT NULL,
  tool_name TEXT,
  tool_arguments JSONB,
  tool_result JSONB,
  tool_ok BOOLEAN,
  tokens INTEGER NOT NULL DEFAULT 0 CHECK (tokens >= 0),
  latency_ms INTEGER NOT NULL DEFAULT 0 CHECK (latency_ms >= 0),
  created_at TIMESTAMPTZ NOT NULL,
  UNIQUE (turn_id, position),
  CHECK ((role = 'tool' AND tool_name IS NOT NULL AND tool_arguments IS NOT NULL
          AND tool_result IS NOT NULL AND tool_ok IS NOT NULL)
      OR (role <> 'tool' AND tool_name IS NULL AND tool_arguments IS NULL
          AND tool_result IS NULL AND tool_ok IS NULL))
);
CREATE INDEX conversation_messages_conversation_idx ON conversation_messages (conversation_id, turn_id, position);

-- What a user spent on the assistant in one UTC day: the daily token cap
-- reads and raises it in the transaction that records a turn.
CREATE TABLE ai_usage (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day TEXT NOT NULL CHECK (length(day) = 10),
  turns INTEGER NOT NULL DEFAULT 0 CHECK (turns >= 0),
  tool_calls INTEGER NOT NULL DEFAULT 0 CHECK (tool_calls >= 0),
  tokens INTEGER NOT NULL DEFAULT 0 CHECK (tokens >= 0),
  updated_at TIMESTAMPTZ NOT NULL,
  UNIQUE (user_id, day)
);

-- A draft of a course outline, a section or a summary, written by an author
-- or by the assistant for a course. A section draft is promoted once, by an
-- editor of its course, into a real section (section_id); the section
-- keeps living if the draft is deleted, and the draft forgets a deleted section.
CREATE TABLE content_drafts (
  id UUID PRIMARY KEY,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  author_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('course', 'section', 'summary')),
  source TEXT NOT NULL CHECK (source IN ('author', 'assistant')),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'promoted', 'discarded')),
  section_id UUID REFERENCES course_sections (id) ON DELETE SET NULL,
  promoted_by UUID REFERENCES users (id) ON DELETE SET NULL,
  promoted_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CHECK ((status = 'promoted') = (promoted_at IS NOT NULL))
);
CREATE INDEX content_drafts_course_idx ON content_drafts (course_id, id);
CREATE INDEX content_drafts_author_idx ON content_drafts (author_id, id);
CREATE INDEX content_drafts_section_idx ON content_drafts (section_id);
CREATE INDEX content_drafts_promoted_by_idx ON content_drafts (promoted_by);

-- A feature flag or setting, one row per key, with who set it last.
CREATE TABLE feature_config (
  id UUID PRIMARY KEY,
  key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 100),
  value JSONB NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  updated_by UUID REFERENCES users (id) ON DELETE SET NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX feature_config_updated_by_idx ON feature_config (updated_by);

INSERT INTO feature_config (id, key, value, description, updated_by, updated_at) VALUES
  ('01900000-0415-7000-8000-000000000001', 'assistant.enabled', 'true',
   'The AI assistant answers POST /v1/ai/chat and MCP tools/call (false: 503 FEATURE_DISABLED).',
   NULL, '2026-12-02T00:00:00.000Z');

INSERT INTO permissions (id, slug, name, resource, action, description, created_at, updated_at) VALUES
  ('01900000-0415-7000-8000-000000000101', 'feature_config:update', 'Update feature configuration',
   'feature_config', 'update', 'Allows changing feature flags and settings (PUT /v1/feature-config/:key).',
   '2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.000Z');

INSERT INTO role_permissions (role_id, permission_id, granted_at)
SELECT r.id, p.id, '2026-12-02T00:00:00.000Z' FROM roles r CROSS JOIN permissions p
WHERE r.slug IN ('super_admin', 'admin') AND p.slug = 'feature_config:update';

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('conversations', 'AI / operational', 'A user''s conversation with the assistant (mine only), named by its first prompt.'),
  ('conversation_messages', 'AI / operational', 'One message of a conversation: user prompt, tool call (name, arguments, result) or answer, with tokens and latency; (turn_id, position) unique.'),
  ('ai_usage', 'AI / operational', 'Turns, tool calls and tokens per user per UTC day; the daily token cap reads it.'),
  ('content_drafts', 'AI / operational', 'A course, section or summary draft by an author or the assistant; a section draft is promoted once into a real section by an editor of the course.'),
  ('feature_config', 'AI / operational', 'A feature flag or setting (key unique, JSON value, who set it); assistant.enabled turns the assistant off.');
