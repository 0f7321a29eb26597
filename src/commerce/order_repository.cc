#include "commerce/order_repository.h"

#include "commerce/commerce_sql.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/uuid.h"

namespace deltalabs::commerce {

namespace {

// A short order number a person can read out: DL- and ten characters of
// an unambiguous alphabet (no 0/O, 1/I), random, unique by constraint.
std::string order_number() {
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const std::string bytes = random_token(10);
  std::string out = "DL-";
  for (unsigned char b : bytes.substr(0, 10)) out += kAlphabet[b % 32];
  return out;
}

Result<Order> with_details(Connection& c, Order o) {
  DL_ASSIGN_OR_RETURN(RowSet items, c.query(sql::kSelectOrderItems, {o.id}));
  for (std::size_t i = 0; i < items.size(); ++i)
    o.items.push_back(sql::kOrderItemRow.read(items[i]));
  DL_ASSIGN_OR_RETURN(std::optional<Payment> payment,
                      sql::kPaymentTable.first(c, sql::kSelectOrderPayment, {o.id}));
  if (payment) o.payment = std::move(*payment);
  DL_ASSIGN_OR_RETURN(RowSet refunds, c.query(sql::kSelectOrderRefunds, {o.id}));
  for (std::size_t i = 0; i < refunds.size(); ++i) {
    o.refunds.push_back(sql::kRefundRow.read(refunds[i]));
  }
  return o;
}

}  // namespace

Result<Order> OrderRepository::find(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(Order o, sql::kOrderTable.find(c, id));
  return with_details(c, std::move(o));
}

Result<std::optional<Order>> OrderRepository::find_by_key(Connection& c, const std::string& user_id,
                                                          const std::string& key) {
  DL_ASSIGN_OR_RETURN(std::optional<Order> o,
                      sql::kOrderTable.first(c, sql::kSelectOrderByKey, {user_id, key}));
  if (!o) return o;
  DL_ASSIGN_OR_RETURN(*o, with_details(c, std::move(*o)));
  return o;
}

Result<Page<Order>> OrderRepository::list_of_user(Connection& c, const std::string& user_id,
                                                  const PageRequest& page) {
  return query_page(c, sql::kListUserOrders, {user_id}, page,
                    [&c](const Row& r) { return with_details(c, sql::kOrderRow.read(r)); });
}

Result<std::string> OrderRepository::insert(Connection& c, const OrderRow& row) {
  std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertOrder,
                   {id, order_number(), row.user_id, row.currency, row.subtotal_minor,
                    row.discount_minor, row.total_minor, row.provider, row.coupon_id,
                    row.sponsorship_request_id, row.checkout_key, format_rfc3339(now())}));
  return id;
}

Result<std::string> OrderRepository::insert_item(Connection& c, const std::string& order_id,
                                                 const OrderItem& item,
                                                 const std::optional<std::string>& open_buyer) {
  std::string id = new_uuid_v7();
  std::optional<std::string> course_id, resource_id, lab_booking_id;
  if (item.item_type == "course") {
    course_id = item.item_id;
  } else if (item.item_type == "lab_booking") {
    lab_booking_id = item.item_id;
  } else {
    resource_id = item.item_id;
  }
  DL_TRY(c.execute(
      sql::kInsertOrderItem,
      {id, order_id, item.item_type, course_id, resource_id, item.title, item.quantity,
       item.unit_price_minor, item.discount_minor, item.total_minor, item.aid_application_id,
       lab_booking_id, course_id ? open_buyer : std::optional<std::string>{}}));
  return id;
}

Result<std::optional<std::string>> OrderRepository::open_order_for_course(
    Connection& c, const std::string& user_id, const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectOpenCourseOrder, {user_id, course_id}));
  if (rows.empty()) return std::optional<std::string>{};
  return std::optional<std::string>{rows[0].text(0)};
}

Status OrderRepository::forget_checkout_key(Connection& c, const std::string& order_id) {
  DL_TRY(c.execute(sql::kForgetCheckoutKey, {order_id}));
  return {};
}

Result<std::optional<std::string>> OrderRepository::pending_lab_order(
    Connection& c, const std::string& booking_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectPendingLabOrder, {booking_id}));
  if (rows.empty()) return std::optional<std::string>{};
  return std::optional<std::string>{rows[0].text(0)};
}

Result<bool> OrderRepository::lab_booking_paid(Connection& c, const std::string& booking_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectPaidLabItem, {booking_id}));
  return !rows.empty();
}

Status OrderRepository::set_item_enrollment(Connection& c, const std::string& item_id,
                                            const std::string& enrollment_id) {
  DL_TRY(c.execute(sql::kSetItemEnrollment, {item_id, enrollment_id}));
  return {};
}

Result<bool> OrderRepository::move(Connection& c, const std::string& id, const std::string& from,
                                   const std::string& to) {
  DL_ASSIGN_OR_RETURN(std::int64_t moved,
                      c.execute(sql::kMoveOrder, {id, from, to, format_rfc3339(now())}));
  if (moved == 1 && from == "pending") DL_TRY(c.execute(sql::kReleaseOpenItems, {id}));
  return moved == 1;
}

Status OrderRepository::lock(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("order");
  DL_ASSIGN_OR_RETURN(std::int64_t locked, c.execute(sql::kLockOrder, {id}));
  if (locked == 0) return Error::not_found("order");
  return {};
}

Result<std::string> OrderRepository::insert_payment(Connection& c, const std::string& order_id,
                                                    const OrderRow& row,
                                                    const std::string& method) {
  std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertPayment, {id, order_id, row.provider, method, row.total_minor,
                                         row.currency, format_rfc3339(now())}));
  return id;
}

Result<bool> OrderRepository::move_payment(Connection& c, const std::string& id,
                                           const std::string& from, const std::string& to,
                                           const std::optional<std::string>& raw) {
  DL_ASSIGN_OR_RETURN(std::int64_t moved,
                      c.execute(sql::kMovePayment, {id, from, to, raw, format_rfc3339(now())}));
  return moved == 1;
}

Status OrderRepository::set_payment_reference(Connection& c, const std::string& id,
                                              const std::string& reference,
                                              const std::string& raw) {
  DL_TRY(c.execute(sql::kSetPaymentReference, {id, reference, raw, format_rfc3339(now())}));
  return {};
}

Result<std::optional<Payment>> OrderRepository::payment_by_reference(Connection& c,
                                                                     const std::string& reference) {
  return sql::kPaymentTable.first(c, sql::kSelectPaymentByReference, {reference});
}

Result<bool> OrderRepository::record_payment_event(Connection& c, const std::string& event_id,
                                                   const std::optional<std::string>& payment_id,
                                                   const std::string& type, std::int64_t created,
                                                   const std::string& payload) {
  DL_ASSIGN_OR_RETURN(std::int64_t stored,
                      c.execute(sql::kInsertPaymentEvent, {event_id, payment_id, type, created,
                                                           payload, format_rfc3339(now())}));
  return stored != 0;
}

}  // namespace deltalabs::commerce
