-- The owner of an idempotency claim: the instance lease id (decision 0025) of
-- the process that claimed the key. A claim still in progress whose owner no
-- longer holds its lease was cut off by a crash, and a retry takes it over at
-- once instead of after the 5-minute stale_after. NULL for claims made before
-- this migration (only stale_after frees those).
ALTER TABLE idempotency_keys ADD COLUMN owner TEXT;

UPDATE schema_annotations
SET note = 'Idempotency-Key of a money or seat POST per caller and route, with the first response kept 24 h for replay; owner is the instance lease of the process that claimed it, so a claim cut off by a crash is released at once.'
WHERE table_name = 'idempotency_keys';
