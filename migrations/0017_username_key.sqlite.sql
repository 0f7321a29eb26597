ALTER TABLE users ADD COLUMN username_key TEXT;
UPDATE users SET username_key = case_fold_key(username) WHERE username IS NOT NULL;
CREATE UNIQUE INDEX users_username_key_unique ON users (username_key);
