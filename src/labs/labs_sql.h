#pragma once

// Every SQL statement of the labs domain, as named constants. Times are
// bound in the stored form (format_rfc3339: UTC, milliseconds, fixed width),
// so they compare as text on SQLite and as timestamptz on PostgreSQL. An
// absent optional filter is bound as NULL.

#include "labs/model.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"
#include "storage/row_table.h"
#include "storage/sql_text.h"

namespace deltalabs::labs::sql {

// The bounds bound for a time filter that was not given.
inline constexpr const char* kBeginningOfTime = "0001-01-01T00:00:00.000Z";
inline constexpr const char* kEndOfTime = "9999-12-31T23:59:59.999Z";

// --- hosts --------------------------------------------------------------------------------------

inline constexpr auto kHostRow = row_mapping<Host>({
    DL_COLUMNS(Host, id, user_id, organization_id, name, description, created_at),
});
inline constexpr RowTable<kHostRow, "hosts"> kHostTable{"host"};

inline constexpr auto kSelectHostOfUser = kHostTable.where("user_id = $1");
inline constexpr auto kSelectHostOfOrganization = kHostTable.where("organization_id = $1");
inline constexpr auto kListHosts = kHostTable.where("" DL_KEYSET_ASC(id, 1, 2));

inline constexpr const char* kInsertHost =
    "INSERT INTO hosts (id, user_id, organization_id, name, description, created_by, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)";

// --- labs ---------------------------------------------------------------------------------------

// Every field of a lab but its equipment, a JSON array the repository parses
// from the column selected right after these (kLabSelect).
inline constexpr auto kLabRow = row_mapping<Lab>({
    DL_COLUMNS_OF(l, Lab, id, host_id, organization_id, name, description, location,
                  requires_approval, price_amount_minor, currency, status, created_at, updated_at),
});
inline constexpr auto kLabSelect =
    sql_concat("SELECT ", column_list<kLabRow>(), ", l.equipment FROM labs l ");
inline constexpr auto kSelectLab = sql_concat(kLabSelect, "WHERE l.id = $1");

// Seats of a slot not held: capacity minus seats_taken, plus the seats of
// holds whose payment time ($1) has passed, which the next write expires.
#define DL_SEATS_FREE                                                                   \
  "(a.capacity - a.seats_taken + COALESCE((SELECT SUM(h.seats) FROM lab_bookings h "    \
  "WHERE h.availability_id = a.id AND h.status = 'pending' AND h.awaiting_payment AND " \
  "h.hold_expires_at <= $1), 0))"

// The public search. $1 now, $2 a lower-cased LIKE pattern, $3 an
// organization (matching it and every organization below it), $4 one piece
// of equipment (lower-cased), $5 = 1 when $6..$7 is a window in which some
// slot must have a free seat, $8 the last id sent, $9 the limit; '' for a
// text filter not given. DL_EQUIPMENT_MATCH is the dialect's test "the lab
// lists $4".
#define DL_LAB_SEARCH(DL_EQUIPMENT_MATCH)                                                         \
  sql_concat(                                                                                     \
      "WITH RECURSIVE tree (id) AS (SELECT o.id FROM organizations o WHERE CAST(o.id AS TEXT) = " \
      "$3 "                                                                                       \
      "UNION SELECT o.id FROM organizations o JOIN tree t ON o.parent_id = t.id) ",               \
      kLabSelect,                                                                                 \
      "WHERE l.status = 'active' "                                                                \
      "AND ($2 = '' OR lower(l.name) LIKE $2 OR lower(l.description) LIKE $2 "                    \
      "OR lower(l.location) LIKE $2) "                                                            \
      "AND ($3 = '' OR l.organization_id IN (SELECT id FROM tree)) "                              \
      "AND ($4 = '' OR " DL_EQUIPMENT_MATCH                                                       \
      ") "                                                                                        \
      "AND ($5 = 0 OR EXISTS (SELECT 1 FROM lab_availability a WHERE a.lab_id = l.id "            \
      "AND a.slot_start >= $6 AND a.slot_end <= $7 AND " DL_SEATS_FREE                            \
      " > 0)) "                                                                                   \
      "AND " DL_KEYSET_ASC(l.id, 8, 9))

inline constexpr auto kSearchLabsSqlite =
    DL_LAB_SEARCH("EXISTS (SELECT 1 FROM json_each(l.equipment) e WHERE lower(e.value) = $4)");
inline constexpr auto kSearchLabsPostgres = DL_LAB_SEARCH(
    "EXISTS (SELECT 1 FROM jsonb_array_elements_text(l.equipment) e (item) "
    "WHERE lower(e.item) = $4)");

#undef DL_LAB_SEARCH

inline constexpr const char* kInsertLab =
    "INSERT INTO labs (id, host_id, organization_id, name, description, location, equipment, "
    "requires_approval, price_amount_minor, currency, status, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)";
inline constexpr const char* kUpdateLab =
    "UPDATE labs SET organization_id = $2, name = $3, description = $4, location = $5, "
    "equipment = $6, requires_approval = $7, price_amount_minor = $8, currency = $9, "
    "status = $10, updated_at = $11 WHERE id = $1";
// How many labs a user hosts (the owner rule of the labs:approve gate).
inline constexpr const char* kCountLabsOfUser =
    "SELECT count(*) FROM labs l JOIN hosts h ON h.id = l.host_id WHERE h.user_id = $1";

// --- slots (lab_availability) -------------------------------------------------------------------

inline constexpr auto kSlotRow = row_mapping<Slot>({
    DL_COLUMNS_OF(a, Slot, id, lab_id, slot_start, slot_end, capacity, seats_taken),
    {DL_SEATS_FREE, &Slot::seats_free},
    {"(SELECT count(*) FROM lab_waitlist w WHERE w.availability_id = a.id)", &Slot::waitlisted},
    DL_COLUMNS_OF(a, Slot, created_at),
});
// $1 is always the time against which payment holds count as expired, so a
// slot is found through find_by(kSelectSlot), never find.
inline constexpr RowTable<kSlotRow, "lab_availability a", "a.id"> kSlotTable{"slot"};
inline constexpr auto kSelectSlot = kSlotTable.where("a.id = $2");
inline constexpr auto kSelectSlotByStart = kSlotTable.where("a.lab_id = $2 AND a.slot_start = $3");
// A lab's slots overlapping [$3, $4), in time order after the slot start
// $5 sent last (the ends of time where not given).
inline constexpr auto kListSlots = kSlotTable.where(
    "a.lab_id = $2 AND a.slot_end > $3 AND a.slot_start < $4 AND a.slot_start > $5 "
    "ORDER BY a.slot_start LIMIT $6");

#undef DL_SEATS_FREE

inline constexpr const char* kInsertSlot =
    "INSERT INTO lab_availability (id, lab_id, slot_start, slot_end, capacity, seats_taken, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 0, $6, $6)";
// Slots of the lab that overlap [$2, $3): the rule the schema also enforces.
inline constexpr const char* kCountOverlapping =
    "SELECT count(*) FROM lab_availability WHERE lab_id = $1 AND slot_start < $3 AND "
    "slot_end > $2";
// Taken first by every write to a slot's bookings or waitlist: serialises
// them on PostgreSQL (SQLite has one writer), so the counts read next stay true.
inline constexpr const char* kLockSlot =
    "UPDATE lab_availability SET updated_at = updated_at WHERE id = $1";
// Takes $2 seats when they fit; changes no row when they do not.
inline constexpr const char* kTakeSeats =
    "UPDATE lab_availability SET seats_taken = seats_taken + $2, updated_at = $3 "
    "WHERE id = $1 AND seats_taken + $2 <= capacity";
inline constexpr const char* kReleaseSeats =
    "UPDATE lab_availability SET seats_taken = seats_taken - $2, updated_at = $3 WHERE id = $1";

// --- bookings -----------------------------------------------------------------------------------

inline constexpr auto kBookingRow = row_mapping<Booking>({
    DL_COLUMNS_OF(b, Booking, id, availability_id),
    DL_COLUMNS_OF(a, Booking, lab_id),
    {"l.name", &Booking::lab_name},
    DL_COLUMNS_OF(l, Booking, location),
    DL_COLUMNS_OF(b, Booking, user_id, seats, status, awaiting_approval, awaiting_payment,
                  hold_expires_at, amount_minor, currency),
    DL_COLUMNS_OF(a, Booking, slot_start, slot_end),
    DL_COLUMNS_OF(b, Booking, decided_by, decided_at, created_at, updated_at),
    {"(SELECT CAST(i.order_id AS TEXT) FROM order_items i WHERE i.lab_booking_id = b.id)",
     &Booking::order_id},
});
inline constexpr RowTable<kBookingRow,
                          "lab_bookings b JOIN lab_availability a ON a.id = b.availability_id JOIN "
                          "labs l ON l.id = a.lab_id",
                          "b.id">
    kBookingTable{"booking"};

inline constexpr auto kSelectLiveBooking = kBookingTable.where(
    "b.availability_id = $1 AND b.user_id = $2 AND b.status IN ('pending', 'confirmed')");
inline constexpr auto kListBookingsOfUser =
    kBookingTable.where("b.user_id = $1 AND " DL_KEYSET_DESC(b.id, 2, 3));
inline constexpr auto kListBookingsOfLab =
    kBookingTable.where("a.lab_id = $1 AND " DL_KEYSET_DESC(b.id, 2, 3));
// The user's pending and confirmed bookings for the calendar, in time order.
inline constexpr auto kCalendarOfUser = kBookingTable.where(
    "b.user_id = $1 AND b.status IN ('pending', 'confirmed') "
    "ORDER BY a.slot_start, b.id LIMIT $2");

inline constexpr const char* kInsertBooking =
    "INSERT INTO lab_bookings (id, availability_id, user_id, seats, status, awaiting_approval, "
    "awaiting_payment, hold_expires_at, amount_minor, currency, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)";
// Payment holds of the slot whose time ($2) has passed become expired; the
// rows say how many seats each freed.
inline constexpr const char* kExpireHolds =
    "UPDATE lab_bookings SET status = 'expired', updated_at = $2 WHERE availability_id = $1 "
    "AND status = 'pending' AND awaiting_payment AND hold_expires_at <= $2 RETURNING id, seats";
// Slots with a payment hold past its time ($1), for a sweep.
inline constexpr const char* kSlotsWithExpiredHolds =
    "SELECT DISTINCT availability_id FROM lab_bookings WHERE status = 'pending' AND "
    "awaiting_payment AND hold_expires_at <= $1";
// An approval or rejection: $2 the new status, $3 still awaiting payment.
inline constexpr const char* kDecideBooking =
    "UPDATE lab_bookings SET status = $2, awaiting_approval = FALSE, awaiting_payment = $3, "
    "decided_by = $4, decided_at = $5, updated_at = $5 WHERE id = $1";
inline constexpr const char* kCancelBooking =
    "UPDATE lab_bookings SET status = 'cancelled', updated_at = $2 WHERE id = $1";
// Payment arrived: confirmed unless an approval is still outstanding.
inline constexpr const char* kSettlePayment =
    "UPDATE lab_bookings SET awaiting_payment = FALSE, status = CASE WHEN awaiting_approval "
    "THEN 'pending' ELSE 'confirmed' END, updated_at = $2 WHERE id = $1";

// --- waitlist -----------------------------------------------------------------------------------

inline constexpr auto kWaitlistRow = row_mapping<WaitlistEntry>({
    DL_COLUMNS(WaitlistEntry, id, availability_id, user_id, seats, position, created_at),
});
inline constexpr RowTable<kWaitlistRow, "lab_waitlist"> kWaitlistTable{"waitlist entry"};

inline constexpr auto kSelectWaitlistOfUser =
    kWaitlistTable.where("availability_id = $1 AND user_id = $2");
inline constexpr auto kFirstWaitlisted =
    kWaitlistTable.where("availability_id = $1 AND position = 1");

inline constexpr const char* kLastWaitlistPosition =
    "SELECT COALESCE(MAX(position), 0) FROM lab_waitlist WHERE availability_id = $1";
inline constexpr auto kInsertWaitlistEntry =
    insert_into<"lab_waitlist", "id, availability_id, user_id, seats, position, created_at">();
inline constexpr const char* kDeleteWaitlistEntry = "DELETE FROM lab_waitlist WHERE id = $1";
// Closing the gap a position left, in two steps: a unique index is checked
// row by row, so the positions behind it first move far up (colliding with
// none), then come back down one place short (positions stay >= 1: CHECK).
inline constexpr const char* kShiftWaitlistOut =
    "UPDATE lab_waitlist SET position = position + 1000000 WHERE availability_id = $1 AND "
    "position > $2";
inline constexpr const char* kShiftWaitlistIn =
    "UPDATE lab_waitlist SET position = position - 1000001 WHERE availability_id = $1 AND "
    "position > 1000000";

}  // namespace deltalabs::labs::sql
