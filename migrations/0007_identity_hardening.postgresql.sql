ALTER TABLE users ADD COLUMN email_key TEXT;
UPDATE users SET email_key = normalize(lower(normalize(email, NFC) COLLATE "und-x-icu"), NFC);
ALTER TABLE users ALTER COLUMN email_key SET NOT NULL;
CREATE UNIQUE INDEX users_email_key_unique ON users (email_key);
