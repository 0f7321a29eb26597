-- Rate-limit counters are UNLOGGED on PostgreSQL: a check is one upsert on the
-- request's path, and a logged table would make each one wait for a WAL flush
-- (4.4 ms against 0.18 ms a check on the development machine, decision 0029).
-- Counters are not worth that: after a crash, or on a promoted replica (an
-- unlogged table is not replicated), they start empty, as an in-process
-- counter does after a restart.
ALTER TABLE rate_limit_counters SET UNLOGGED;
