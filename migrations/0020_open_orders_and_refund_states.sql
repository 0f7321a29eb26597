-- Two rules the checkout and refund paths relied on code alone for.
--
-- 1. A learner holds at most one open order per course. While an order is
-- pending, its course items carry the buyer in open_buyer_id; the order's move
-- out of pending (paid, cancelled) clears it in the same transaction
-- (OrderRepository::move). The unique index makes a second pending checkout of
-- the same course a conflict even when two race. A lab booking is already
-- bought by at most one order (order_items.lab_booking_id is unique).
ALTER TABLE order_items ADD COLUMN open_buyer_id UUID REFERENCES users (id) ON DELETE RESTRICT;

-- Orders pending before this migration: the newest per buyer and course keeps the claim.
UPDATE order_items SET open_buyer_id = (SELECT o.user_id FROM orders o WHERE o.id = order_items.order_id)
WHERE course_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM orders o WHERE o.id = order_items.order_id AND o.status = 'pending')
  AND NOT EXISTS (
    SELECT 1 FROM order_items later
    JOIN orders lo ON lo.id = later.order_id
    JOIN orders mine ON mine.id = order_items.order_id
    WHERE later.course_id = order_items.course_id AND lo.status = 'pending'
      AND lo.user_id = mine.user_id AND later.id > order_items.id);

CREATE UNIQUE INDEX order_items_one_open_course ON order_items (open_buyer_id, course_id)
  WHERE open_buyer_id IS NOT NULL;

-- 2. A card refund is reserved before the processor is called and settled
-- after it answered, never with the processor call inside a transaction:
-- a refund row is 'requested' until then (its item is taken, so no second
-- refund of it can start) and 'succeeded' once the money went back and the
-- item's enrollment, stock or booking was reversed. orders.refunded_minor
-- counts succeeded refunds only. A refusal deletes the requested row.
ALTER TABLE refunds ADD COLUMN status TEXT NOT NULL DEFAULT 'succeeded'
  CHECK (status IN ('requested', 'succeeded'));

UPDATE schema_annotations
SET note = 'What an order bought (a course, a resource or a paid lab booking), each priced with its discount; refunded whole or not at all; open_buyer_id makes one open order per buyer and course.'
WHERE table_name = 'order_items';
UPDATE schema_annotations
SET note = 'Money returned for one order item, never more than was paid for it: requested while the processor is asked, then succeeded.'
WHERE table_name = 'refunds';
