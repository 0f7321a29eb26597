-- Labs: rentable lab time. A host (a user or an organization) offers labs;
-- a lab opens slots of availability with a number of seats; users book seats
-- in a slot, or wait for one. Seats are never overbooked: seats_taken is kept
-- in the transaction that books or frees seats, and a CHECK holds it within
-- capacity, so a race that slipped past the service would fail at commit.

-- Who offers labs: exactly one of a user or an organization, each at most
-- once. A host goes with the account or organization it stands for.
CREATE TABLE hosts (
  id UUID PRIMARY KEY,
  user_id UUID UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  organization_id UUID UNIQUE REFERENCES organizations (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description TEXT NOT NULL DEFAULT '',
  created_by UUID REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CHECK ((user_id IS NULL) <> (organization_id IS NULL))
);
CREATE INDEX hosts_created_by_idx ON hosts (created_by);

-- A lab: a room with equipment (a JSON array of strings). organization_id
-- says whose staff run it (the host organization's, or one a user host
-- belongs to) and is what search by organization matches. The price is per
-- seat and slot, in minor units; 0 is free. A host with bookings cannot be
-- deleted (RESTRICT): bookers would lose their seats without notice.
CREATE TABLE labs (
  id UUID PRIMARY KEY,
  host_id UUID NOT NULL REFERENCES hosts (id) ON DELETE RESTRICT,
  organization_id UUID REFERENCES organizations (id) ON DELETE SET NULL,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  equipment JSONB NOT NULL,
  requires_approval BOOLEAN NOT NULL DEFAULT FALSE,
  price_amount_minor INTEGER NOT NULL DEFAULT 0 CHECK (price_amount_minor >= 0),
  currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX labs_host_idx ON labs (host_id);
CREATE INDEX labs_organization_idx ON labs (organization_id);

-- A slot of a lab with capacity seats; seats_taken counts the seats of its
-- pending and confirmed bookings (deltalabs check audits it). Slots of one
-- lab never overlap: an exclusion constraint on PostgreSQL, triggers on
-- SQLite (the dialect files of this migration).
CREATE TABLE lab_availability (
  id UUID PRIMARY KEY,
  lab_id UUID NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
  slot_start TIMESTAMPTZ NOT NULL,
  slot_end TIMESTAMPTZ NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
  seats_taken INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CHECK (slot_end > slot_start),
  CHECK (seats_taken BETWEEN 0 AND capacity),
  UNIQUE (lab_id, slot_start)
);
CREATE INDEX lab_availability_start_idx ON lab_availability (slot_start);

-- A booking of seats in a slot. pending holds its seats while it awaits
-- approval (awaiting_approval) and/or payment (awaiting_payment, until
-- hold_expires_at; then it expires and frees them). confirmed holds them;
-- cancelled, rejected and expired hold none. One live booking per user and
-- slot. A slot with bookings cannot be deleted (RESTRICT).
CREATE TABLE lab_bookings (
  id UUID PRIMARY KEY,
  availability_id UUID NOT NULL REFERENCES lab_availability (id) ON DELETE RESTRICT,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 100),
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled', 'rejected', 'expired')),
  awaiting_approval BOOLEAN NOT NULL DEFAULT FALSE,
  awaiting_payment BOOLEAN NOT NULL DEFAULT FALSE,
  hold_expires_at TIMESTAMPTZ,
  amount_minor INTEGER NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
  currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
  decided_by UUID REFERENCES users (id) ON DELETE SET NULL,
  decided_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CHECK (status <> 'pending' OR awaiting_approval OR awaiting_payment),
  CHECK (status <> 'confirmed' OR (NOT awaiting_approval AND NOT awaiting_payment)),
  CHECK (NOT awaiting_payment OR hold_expires_at IS NOT NULL)
);
CREATE UNIQUE INDEX lab_bookings_live_key ON lab_bookings (availability_id, user_id)
  WHERE status IN ('pending', 'confirmed');
CREATE INDEX lab_bookings_slot_status_idx ON lab_bookings (availability_id, status);
CREATE INDEX lab_bookings_user_idx ON lab_bookings (user_id, id);
CREATE INDEX lab_bookings_decided_by_idx ON lab_bookings (decided_by);
CREATE INDEX lab_bookings_hold_idx ON lab_bookings (hold_expires_at) WHERE awaiting_payment;

-- Who waits for seats in a full slot, in order: positions are distinct and
-- dense 1..n per slot (deltalabs check audits it); once per user and slot.
CREATE TABLE lab_waitlist (
  id UUID PRIMARY KEY,
  availability_id UUID NOT NULL REFERENCES lab_availability (id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 100),
  position INTEGER NOT NULL CHECK (position >= 1),
  created_at TIMESTAMPTZ NOT NULL,
  UNIQUE (availability_id, user_id),
  UNIQUE (availability_id, position)
);
CREATE INDEX lab_waitlist_user_idx ON lab_waitlist (user_id);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('hosts', 'Labs', 'Who offers labs: exactly one of a user or an organization (CHECK), each at most once.'),
  ('labs', 'Labs', 'A rentable lab of a host: location, equipment (JSON array), whether bookings need approval, price per seat and slot (minor units + currency), status.'),
  ('lab_availability', 'Labs', 'A slot of a lab with capacity seats; seats_taken counts pending and confirmed bookings and never exceeds capacity; slots of one lab never overlap.'),
  ('lab_bookings', 'Labs', 'Seats of a user in a slot: pending (awaiting approval and/or payment until hold_expires_at), confirmed, cancelled, rejected or expired; one live booking per user and slot.'),
  ('lab_waitlist', 'Labs', 'Users waiting for seats in a full slot, positions dense 1..n; the first in line is booked when seats free.');

-- Lab permissions. labs:manage runs the labs of an organization (create and
-- edit labs and slots, host on its behalf); labs:approve decides pending
-- bookings. Held through a membership role they apply to that organization's
-- labs and those of the organizations below it; lab assistants approve.
INSERT INTO permissions (id, slug, name, resource, action, description, created_at, updated_at) VALUES
  ('01900000-0414-7000-8000-000000000001', 'labs:manage', 'Manage labs', 'labs', 'manage', 'Allows creating and editing an organization''s labs and their availability, and hosting labs on its behalf.', '2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.000Z'),
  ('01900000-0414-7000-8000-000000000002', 'labs:approve', 'Approve lab bookings', 'labs', 'approve', 'Allows approving or rejecting pending lab bookings and seeing a lab''s bookings.', '2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.000Z');

INSERT INTO role_permissions (role_id, permission_id, granted_at)
SELECT r.id, p.id, '2026-12-02T00:00:00.000Z' FROM roles r CROSS JOIN permissions p
WHERE r.slug IN ('super_admin', 'admin') AND p.slug IN ('labs:manage', 'labs:approve');

INSERT INTO role_permissions (role_id, permission_id, granted_at)
SELECT r.id, p.id, '2026-12-02T00:00:00.000Z' FROM roles r CROSS JOIN permissions p
WHERE r.slug = 'lab_assistant' AND p.slug = 'labs:approve';
