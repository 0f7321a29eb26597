-- Commerce: carts, orders, payments, refunds, coupons, sponsors,
-- sponsorship requests and financial aid. Money is integer minor units with
-- an ISO 4217 code. Money records (orders, their items, payments, refunds,
-- redemptions) are never deleted with what they refer to: those references
-- RESTRICT, so a course or user with a purchase history stays.

-- One open cart per user (partial unique index); a checked-out cart is kept
-- as the record of what was bought.
CREATE TABLE carts (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'checked_out')),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX carts_one_open_key ON carts (user_id) WHERE status = 'open';
CREATE INDEX carts_user_idx ON carts (user_id, id);

-- A line of a cart with the price seen when it was added (re-read at
-- checkout). The target is exactly one of course_id and resource_id, as
-- item_type names it; each target once per cart.
CREATE TABLE cart_items (
  id UUID PRIMARY KEY,
  cart_id UUID NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  item_type TEXT NOT NULL CHECK (item_type IN ('course', 'resource')),
  course_id UUID REFERENCES courses (id) ON DELETE CASCADE,
  resource_id UUID REFERENCES resources (id) ON DELETE CASCADE,
  quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 100),
  unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  created_at TIMESTAMPTZ NOT NULL,
  CHECK ((item_type = 'course' AND course_id IS NOT NULL AND resource_id IS NULL AND quantity = 1)
      OR (item_type = 'resource' AND resource_id IS NOT NULL AND course_id IS NULL))
);
CREATE UNIQUE INDEX cart_items_course_key ON cart_items (cart_id, course_id) WHERE course_id IS NOT NULL;
CREATE UNIQUE INDEX cart_items_resource_key ON cart_items (cart_id, resource_id) WHERE resource_id IS NOT NULL;
CREATE INDEX cart_items_course_idx ON cart_items (course_id);
CREATE INDEX cart_items_resource_idx ON cart_items (resource_id);

-- Discount codes. redemption_count is the number of coupon_redemptions,
-- raised by a conditional update in the checkout transaction, so
-- max_redemptions holds under concurrent checkouts.
CREATE TABLE coupons (
  id UUID PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 3 AND 40 AND code = upper(code)),
  kind TEXT NOT NULL CHECK (kind IN ('percent', 'amount')),
  percent_off INTEGER CHECK (percent_off BETWEEN 1 AND 100),
  amount_off_minor BIGINT CHECK (amount_off_minor > 0),
  currency TEXT CHECK (length(currency) = 3),
  max_redemptions INTEGER CHECK (max_redemptions > 0),
  per_user_limit INTEGER NOT NULL DEFAULT 1 CHECK (per_user_limit > 0),
  redemption_count INTEGER NOT NULL DEFAULT 0 CHECK (redemption_count >= 0),
  valid_from TIMESTAMPTZ,
  valid_until TIMESTAMPTZ,
  created_by UUID REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL,
  CHECK ((kind = 'percent' AND percent_off IS NOT NULL AND amount_off_minor IS NULL)
      OR (kind = 'amount' AND amount_off_minor IS NOT NULL AND currency IS NOT NULL AND percent_off IS NULL)),
  CHECK (max_redemptions IS NULL OR redemption_count <= max_redemptions)
);

-- People or organizations who pay for learners. manager_id is the account
-- that decides the sponsor's requests.
CREATE TABLE sponsors (
  id UUID PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind TEXT NOT NULL CHECK (kind IN ('organization', 'person')),
  organization_id UUID REFERENCES organizations (id) ON DELETE SET NULL,
  manager_id UUID NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  contact_email TEXT,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sponsors_manager_idx ON sponsors (manager_id);
CREATE INDEX sponsors_organization_idx ON sponsors (organization_id);

-- A learner asks a sponsor to cover a course; at most one open request per
-- learner, sponsor and course. Approval creates the order (order_id).
CREATE TABLE sponsorship_requests (
  id UUID PRIMARY KEY,
  sponsor_id UUID NOT NULL REFERENCES sponsors (id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected')),
  message TEXT NOT NULL DEFAULT '',
  decided_by UUID REFERENCES users (id) ON DELETE SET NULL,
  decided_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX sponsorship_requests_open_key ON sponsorship_requests (sponsor_id, user_id, course_id) WHERE status = 'requested';
CREATE INDEX sponsorship_requests_user_idx ON sponsorship_requests (user_id, id);
CREATE INDEX sponsorship_requests_course_idx ON sponsorship_requests (course_id);

-- A learner's application for a discount on one course. An approved one
-- carries discount_percent and is used by one checkout only (used_order_id,
-- set once, unique).
CREATE TABLE financial_aid_applications (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected')),
  statement TEXT NOT NULL DEFAULT '',
  discount_percent INTEGER CHECK (discount_percent BETWEEN 1 AND 100),
  reviewed_by UUID REFERENCES users (id) ON DELETE SET NULL,
  reviewed_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CHECK ((status = 'approved') = (discount_percent IS NOT NULL))
);
CREATE UNIQUE INDEX financial_aid_open_key ON financial_aid_applications (user_id, course_id) WHERE status = 'submitted';
CREATE INDEX financial_aid_user_idx ON financial_aid_applications (user_id, id);
CREATE INDEX financial_aid_course_idx ON financial_aid_applications (course_id);

-- An order: the priced cart. checkout_key is the Idempotency-Key it was
-- created under, unique per user, so a retry after a crash finds it.
CREATE TABLE orders (
  id UUID PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled', 'refunded', 'partially_refunded')),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  subtotal_minor BIGINT NOT NULL CHECK (subtotal_minor >= 0),
  discount_minor BIGINT NOT NULL CHECK (discount_minor >= 0),
  total_minor BIGINT NOT NULL CHECK (total_minor >= 0),
  refunded_minor BIGINT NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
  provider TEXT NOT NULL CHECK (provider IN ('offline', 'card')),
  coupon_id UUID REFERENCES coupons (id) ON DELETE RESTRICT,
  sponsorship_request_id UUID UNIQUE REFERENCES sponsorship_requests (id) ON DELETE RESTRICT,
  checkout_key TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  paid_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL,
  CHECK (subtotal_minor - discount_minor = total_minor),
  CHECK (refunded_minor <= total_minor)
);
CREATE UNIQUE INDEX orders_checkout_key ON orders (user_id, checkout_key) WHERE checkout_key IS NOT NULL;
CREATE INDEX orders_user_idx ON orders (user_id, id);
CREATE INDEX orders_coupon_idx ON orders (coupon_id);

-- What an order bought, priced: total_minor = unit_price_minor * quantity -
-- discount_minor. A refunded item is refunded whole (refunded = 1).
CREATE TABLE order_items (
  id UUID PRIMARY KEY,
  order_id UUID NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  item_type TEXT NOT NULL CHECK (item_type IN ('course', 'resource')),
  course_id UUID REFERENCES courses (id) ON DELETE RESTRICT,
  resource_id UUID REFERENCES resources (id) ON DELETE RESTRICT,
  title TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
  discount_minor BIGINT NOT NULL CHECK (discount_minor >= 0),
  total_minor BIGINT NOT NULL CHECK (total_minor >= 0),
  aid_application_id UUID UNIQUE REFERENCES financial_aid_applications (id) ON DELETE RESTRICT,
  enrollment_id UUID REFERENCES enrollments (id) ON DELETE SET NULL,
  refunded BOOLEAN NOT NULL DEFAULT FALSE,
  CHECK ((item_type = 'course' AND course_id IS NOT NULL AND resource_id IS NULL)
      OR (item_type = 'resource' AND resource_id IS NOT NULL AND course_id IS NULL)),
  CHECK (unit_price_minor * quantity - discount_minor = total_minor)
);
CREATE INDEX order_items_order_idx ON order_items (order_id);
CREATE INDEX order_items_course_idx ON order_items (course_id);
CREATE INDEX order_items_resource_idx ON order_items (resource_id);
CREATE INDEX order_items_enrollment_idx ON order_items (enrollment_id);

-- The money movement of an order through one provider. provider_reference
-- (the processor's id) is unique; raw_event keeps the last provider event.
CREATE TABLE payments (
  id UUID PRIMARY KEY,
  order_id UUID NOT NULL REFERENCES orders (id) ON DELETE RESTRICT,
  provider TEXT NOT NULL CHECK (provider IN ('offline', 'card')),
  provider_reference TEXT UNIQUE,
  method TEXT NOT NULL CHECK (method IN ('free', 'sponsored', 'bank_transfer', 'card')),
  amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  raw_event JSONB,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX payments_one_per_order ON payments (order_id);

-- Money given back for one order item; each item is refunded at most once,
-- for at most what was paid for it.
CREATE TABLE refunds (
  id UUID PRIMARY KEY,
  order_id UUID NOT NULL REFERENCES orders (id) ON DELETE RESTRICT,
  order_item_id UUID NOT NULL UNIQUE REFERENCES order_items (id) ON DELETE RESTRICT,
  payment_id UUID NOT NULL REFERENCES payments (id) ON DELETE RESTRICT,
  amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  reason TEXT NOT NULL DEFAULT '',
  created_by UUID REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX refunds_order_idx ON refunds (order_id);
CREATE INDEX refunds_payment_idx ON refunds (payment_id);

-- One row per use of a coupon; one per order.
CREATE TABLE coupon_redemptions (
  id UUID PRIMARY KEY,
  coupon_id UUID NOT NULL REFERENCES coupons (id) ON DELETE RESTRICT,
  order_id UUID NOT NULL UNIQUE REFERENCES orders (id) ON DELETE RESTRICT,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX coupon_redemptions_coupon_idx ON coupon_redemptions (coupon_id, user_id);
CREATE INDEX coupon_redemptions_user_idx ON coupon_redemptions (user_id);

-- Webhook events of the card processor, once each (event id), whatever order
-- they arrive in.
CREATE TABLE payment_events (
  id TEXT PRIMARY KEY,
  payment_id UUID REFERENCES payments (id) ON DELETE RESTRICT,
  type TEXT NOT NULL,
  created BIGINT NOT NULL,
  payload JSONB NOT NULL,
  received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX payment_events_payment_idx ON payment_events (payment_id);

-- Enrollments bought through checkout or granted by a sponsor record their order.
ALTER TABLE enrollments ADD COLUMN order_id UUID REFERENCES orders (id) ON DELETE SET NULL;
CREATE INDEX enrollments_order_idx ON enrollments (order_id);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('carts', 'Commerce', 'A user''s cart; one open per user, kept once checked out.'),
  ('cart_items', 'Commerce', 'A course or resource in a cart with the price seen when added; each item once per cart.'),
  ('coupons', 'Commerce', 'Discount codes (percent or amount) with a redemption cap, a per-user limit and a validity window.'),
  ('coupon_redemptions', 'Commerce', 'One use of a coupon by one order; the count is exact under concurrent checkouts.'),
  ('sponsors', 'Commerce', 'People or organizations who fund learners; their manager decides requests.'),
  ('sponsorship_requests', 'Commerce', 'A learner asks a sponsor to cover a course: requested, approved (a zero-cost paid order) or rejected.'),
  ('financial_aid_applications', 'Commerce', 'Aid for one course: submitted, approved with a discount percent used at one checkout, or rejected.'),
  ('orders', 'Commerce', 'A checked-out cart: number, status (pending, paid, cancelled, refunded, partially refunded), totals and currency.'),
  ('order_items', 'Commerce', 'What an order bought, each priced with its discount; refunded whole or not at all.'),
  ('payments', 'Commerce', 'An order''s payment through the offline or card provider; provider reference unique, last event kept.'),
  ('refunds', 'Commerce', 'Money returned for one order item, never more than was paid for it.'),
  ('payment_events', 'Commerce', 'Card processor webhook events, stored once by id.');

-- Managing orders (marking bank transfers paid, refunding any order),
-- coupons and financial aid is for administrators.
INSERT INTO permissions (id, slug, name, resource, action, description, created_at, updated_at) VALUES
  ('01900000-0413-7000-8000-000000000001', 'orders:manage', 'Manage orders', 'orders', 'manage', 'Allows seeing any order, marking bank transfers paid and refunding any order.', '2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.000Z'),
  ('01900000-0413-7000-8000-000000000002', 'coupons:manage', 'Manage coupons', 'coupons', 'manage', 'Allows creating and listing coupons.', '2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.000Z'),
  ('01900000-0413-7000-8000-000000000003', 'financial_aid:review', 'Review financial aid', 'financial_aid', 'review', 'Allows seeing and deciding every financial aid application.', '2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.000Z');

INSERT INTO role_permissions (role_id, permission_id, granted_at)
SELECT r.id, p.id, '2026-12-02T00:00:00.000Z' FROM roles r CROSS JOIN permissions p
WHERE r.slug IN ('super_admin', 'admin') AND p.slug IN ('orders:manage', 'coupons:manage', 'financial_aid:review');
