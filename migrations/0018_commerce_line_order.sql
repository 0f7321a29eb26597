-- A cart's items, an order's items and an order's refunds are each read in id
-- order for one parent (commerce_sql.h). Without the parent and id together in
-- one index, SQLite walked the whole cart_items table in id order for every
-- cart read, a cost that grew with every cart ever filled (the checkout bench
-- fell as it ran), and sorted the other two. Found with EXPLAIN QUERY PLAN over
-- every statement of the service against the checkout bench's database.
CREATE INDEX cart_items_cart_idx ON cart_items (cart_id, id);
DROP INDEX order_items_order_idx;
CREATE INDEX order_items_order_idx ON order_items (order_id, id);
DROP INDEX refunds_order_idx;
CREATE INDEX refunds_order_idx ON refunds (order_id, id);
