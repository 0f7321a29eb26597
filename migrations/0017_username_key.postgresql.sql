ALTER TABLE users ADD COLUMN username_key TEXT;
UPDATE users SET username_key = normalize(lower(normalize(username, NFC) COLLATE "und-x-icu"), NFC)
WHERE username IS NOT NULL;
CREATE UNIQUE INDEX users_username_key_unique ON users (username_key);
