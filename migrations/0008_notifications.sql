-- Notifications: what the platform tells a user (an answer to their question,
-- an accepted answer, an appeal's outcome, a waitlist promotion, a grade
-- override). Every domain writes them inside the transaction of the change
-- they announce (platform/notification_log), so a notification exists
-- exactly when its change committed; the engagement domain lists them,
-- marks them read and streams new ones.
CREATE TABLE notifications (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
  payload JSONB NOT NULL,
  read_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL
);
-- "Mine, unread first, newest first" and "mine after event id X" (stream resume).
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
CREATE INDEX notifications_user_unread_idx ON notifications (user_id, read_at, id);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('notifications', 'Engagement', 'What the platform tells a user (answers, accepted answers, appeal outcomes, waitlist promotions, grade overrides); written in the transaction of the change it announces; read_at set when read.');
