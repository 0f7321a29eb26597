-- SQLite: slots of one lab never overlap, as triggers that abort the write
-- (SQLite has no exclusion constraints). Writers are serialised (BEGIN
-- IMMEDIATE), so the rule holds when two requests race.
CREATE TRIGGER lab_availability_no_overlap_insert BEFORE INSERT ON lab_availability
WHEN EXISTS (SELECT 1 FROM lab_availability a WHERE a.lab_id = new.lab_id
             AND a.slot_start < new.slot_end AND a.slot_end > new.slot_start)
BEGIN
  SELECT RAISE(ABORT, 'lab_availability_no_overlap');
END;

CREATE TRIGGER lab_availability_no_overlap_update BEFORE UPDATE OF lab_id, slot_start, slot_end
ON lab_availability
WHEN EXISTS (SELECT 1 FROM lab_availability a WHERE a.lab_id = new.lab_id AND a.id <> new.id
             AND a.slot_start < new.slot_end AND a.slot_end > new.slot_start)
BEGIN
  SELECT RAISE(ABORT, 'lab_availability_no_overlap');
END;
