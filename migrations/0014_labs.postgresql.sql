-- PostgreSQL: slots of one lab never overlap, as an exclusion constraint
-- over the slot's time range (btree_gist lets the gist index compare lab_id
-- with =). Two racing inserts cannot both commit: the second waits for the
-- first and fails with exclusion_violation (23P01), answered 409.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE lab_availability ADD CONSTRAINT lab_availability_no_overlap
  EXCLUDE USING gist (lab_id WITH =, tstzrange(slot_start, slot_end, '[)') WITH &&);
