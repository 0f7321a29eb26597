-- Identity hardening: one account per email whatever its case and Unicode
-- composition, on every backend.
--
-- Until now uniqueness and sign-in compared lower(email): PostgreSQL folds
-- Unicode there (with a UTF-8 ctype), SQLite only ASCII, so 'Ädá@x.org' and
-- 'ädá@x.org' were one account on PostgreSQL and two on SQLite. Now the
-- service computes users.email_key (core/case_fold.h: NFC, Unicode lower case,
-- NFC) for every write and lookup, and the unique index is on that key. The
-- dialect parts add and backfill the column with the same function: SQLite
-- through case_fold_key(), which the driver registers, PostgreSQL through ICU's
-- root-locale lower(). A database that already holds two accounts whose
-- emails differ only beyond ASCII case stops here with a unique violation;
-- merge or rename one of them, then migrate again.
DROP INDEX users_email_key;

UPDATE schema_annotations
SET note = 'An account; email unique by its case- and Unicode-folded email_key, username unique whatever its case; deactivation sets status deleted.'
WHERE table_name = 'users';
