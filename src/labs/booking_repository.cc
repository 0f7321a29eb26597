#include "labs/booking_repository.h"

#include "core/uuid.h"
#include "labs/labs_sql.h"

namespace deltalabs::labs {

Result<Booking> BookingRepository::find(Connection& c, const std::string& id) {
  return sql::kBookingTable.find(c, id);
}

Result<std::optional<Booking>> BookingRepository::live(Connection& c,
                                                       const std::string& availability_id,
                                                       const std::string& user_id) {
  return sql::kBookingTable.first(c, sql::kSelectLiveBooking, {availability_id, user_id});
}

Result<Page<Booking>> BookingRepository::of_user(Connection& c, const std::string& user_id,
                                                 const PageRequest& page) {
  return sql::kBookingTable.page(c, sql::kListBookingsOfUser, {user_id}, page);
}

Result<Page<Booking>> BookingRepository::of_lab(Connection& c, const std::string& lab_id,
                                                const PageRequest& page) {
  return sql::kBookingTable.page(c, sql::kListBookingsOfLab, {lab_id}, page);
}

Result<std::vector<Booking>> BookingRepository::calendar(Connection& c, const std::string& user_id,
                                                         int limit) {
  return sql::kBookingTable.all(c, sql::kCalendarOfUser, {user_id, limit});
}

Result<std::string> BookingRepository::insert(Connection& c, const NewBooking& b, TimePoint at) {
  std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertBooking, {id, b.availability_id, b.user_id, b.seats, b.status,
                                         b.awaiting_approval, b.awaiting_payment, b.hold_expires_at,
                                         b.amount_minor, b.currency, format_rfc3339(at)}));
  return id;
}

Result<std::vector<ExpiredHold>> BookingRepository::expire_holds(Connection& c,
                                                                 const std::string& availability_id,
                                                                 TimePoint now) {
  DL_ASSIGN_OR_RETURN(RowSet rows,
                      c.query(sql::kExpireHolds, {availability_id, format_rfc3339(now)}));
  std::vector<ExpiredHold> out;
  for (std::size_t i = 0; i < rows.size(); ++i)
    out.push_back({rows[i].text(0), rows[i].integer(1)});
  return out;
}

Result<std::vector<std::string>> BookingRepository::slots_with_expired_holds(Connection& c,
                                                                             TimePoint now) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSlotsWithExpiredHolds, {format_rfc3339(now)}));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].text(0));
  return out;
}

Status BookingRepository::decide(Connection& c, const std::string& id, const std::string& status,
                                 bool awaiting_payment, const std::string& decided_by,
                                 TimePoint at) {
  DL_TRY(c.execute(sql::kDecideBooking,
                   {id, status, awaiting_payment, decided_by, format_rfc3339(at)}));
  return {};
}

Status BookingRepository::cancel(Connection& c, const std::string& id, TimePoint at) {
  DL_TRY(c.execute(sql::kCancelBooking, {id, format_rfc3339(at)}));
  return {};
}

Status BookingRepository::settle_payment(Connection& c, const std::string& id, TimePoint at) {
  DL_TRY(c.execute(sql::kSettlePayment, {id, format_rfc3339(at)}));
  return {};
}

}  // namespace deltalabs::labs
