-- Usernames unique whatever their case and Unicode composition, on every
-- backend, as emails became in migration 0007: the unique index was on
-- lower(username), which folds only ASCII on SQLite (and under PostgreSQL's C
-- ctype), so 'Zoë' and 'ZOË' could be two accounts. The service now writes
-- users.username_key (core/case_fold.h) with every username and signs in by
-- it; the dialect parts add and backfill the column with the same function.
-- A database already holding two usernames that differ only beyond ASCII case
-- stops here with a unique violation; rename one of them, then migrate again.
DROP INDEX users_username_key;

UPDATE schema_annotations
SET note = 'An account; email and username unique by their case- and Unicode-folded keys (email_key, username_key); deactivation sets status deleted.'
WHERE table_name = 'users';
