-- SQLite cannot add a NOT NULL column without a default; the service always
-- writes the key, and the backfill below replaces every ''.
ALTER TABLE users ADD COLUMN email_key TEXT NOT NULL DEFAULT '';
UPDATE users SET email_key = case_fold_key(email);
CREATE UNIQUE INDEX users_email_key_unique ON users (email_key);
