-- State that the instances sharing one database must agree on (issue 21,
-- decision 0029). Times here are epoch milliseconds, not RFC 3339 text: each
-- statement that uses them does arithmetic on them (a window's end, a lease's
-- expiry) in one conditional write, the same on both backends.

-- Rate-limit counters on PostgreSQL, where several instances count the same
-- budget (SQLite keeps the in-process counters: one process serves a file).
-- One row per policy and key; a check is one upsert that returns the count.
CREATE TABLE rate_limit_counters (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL CHECK (hits >= 0),
  resets_at_ms BIGINT NOT NULL
);
CREATE INDEX rate_limit_counters_resets_idx ON rate_limit_counters (resets_at_ms);

-- Background work runs on one instance at a time: the holder of a job's
-- lease. fencing_token grows on every takeover, and every write a job makes
-- checks it in the same transaction, so a holder that lost the lease writes
-- nothing more.
CREATE TABLE job_leases (
  name TEXT PRIMARY KEY,
  holder TEXT,
  fencing_token BIGINT NOT NULL DEFAULT 0 CHECK (fencing_token >= 0),
  expires_at_ms BIGINT NOT NULL DEFAULT 0
);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('rate_limit_counters', 'AI / operational', 'Fixed-window rate-limit counters per policy and key, shared by every instance on PostgreSQL; rows past resets_at_ms are swept.'),
  ('job_leases', 'AI / operational', 'Which instance runs a background job (mail, hold expiry, counter sweep) until expires_at_ms; fencing_token grows on every takeover and fences the job''s writes.');

-- The fencing token of the mail job under which a message was claimed: a
-- claim made under an older token is void (its sender lost the lease), so the
-- next holder sends the message at once instead of after the claim's time.
ALTER TABLE mail_outbox ADD COLUMN claim_token BIGINT;

UPDATE schema_annotations
SET note = 'Mail written in the same transaction as its cause; the holder of the mail job''s lease delivers it over SMTP with retries; claim_token is the fencing token it was claimed under.'
WHERE table_name = 'mail_outbox';
