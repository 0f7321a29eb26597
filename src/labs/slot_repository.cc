#include "labs/slot_repository.h"

#include "core/uuid.h"
#include "labs/labs_sql.h"

namespace deltalabs::labs {

namespace {

// What both drivers report when a write breaks the no-overlap rule: the
// exclusion constraint on PostgreSQL, the RAISE of a trigger on SQLite.
constexpr const char* kExclusionViolation = "EXCLUSION_VIOLATION";

}  // namespace

Result<Slot> SlotRepository::find(Connection& c, const std::string& id, TimePoint now) {
  if (!is_uuid(id)) return Error::not_found("slot");
  return sql::kSlotTable.find_by(c, sql::kSelectSlot, {format_rfc3339(now), id});
}

Result<Slot> SlotRepository::find_by_start(Connection& c, const std::string& lab_id,
                                           const std::string& slot_start, TimePoint now) {
  return sql::kSlotTable.find_by(c, sql::kSelectSlotByStart,
                                 {format_rfc3339(now), lab_id, slot_start});
}

Result<Page<Slot>> SlotRepository::list(Connection& c, const std::string& lab_id,
                                        const std::optional<std::string>& from,
                                        const std::optional<std::string>& to, TimePoint now,
                                        const PageRequest& page) {
  const std::string after = page.after.empty() ? std::string(sql::kBeginningOfTime) : page.after;
  DL_ASSIGN_OR_RETURN(
      RowSet rows,
      c.query(sql::kListSlots, {format_rfc3339(now), lab_id, from.value_or(sql::kBeginningOfTime),
                                to.value_or(sql::kEndOfTime), after, page.limit + 1}));
  return page_from(rows, page, sql::kSlotRow.reader(), [](const Slot& s) { return s.slot_start; });
}

Result<std::int64_t> SlotRepository::count_overlapping(Connection& c, const std::string& lab_id,
                                                       const std::string& start,
                                                       const std::string& end) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCountOverlapping, {lab_id, start, end}));
  return rows[0].integer(0);
}

Result<std::string> SlotRepository::insert(Connection& c, const std::string& lab_id,
                                           const SlotInput& input) {
  std::string id = new_uuid_v7();
  auto done = c.execute(sql::kInsertSlot, {id, lab_id, input.slot_start, input.slot_end,
                                           input.capacity, format_rfc3339(now())});
  if (!done.ok()) {
    const Error& e = done.error();
    if (e.code == kExclusionViolation || e.code == storage_code::kUniqueViolation)
      return Error::conflict("SLOT_OVERLAP", "The slot overlaps another slot of this lab.");
    return std::move(done).error();
  }
  return id;
}

Status SlotRepository::lock(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(std::int64_t locked, c.execute(sql::kLockSlot, {id}));
  if (locked == 0) return Error::not_found("slot");
  return {};
}

Result<bool> SlotRepository::take_seats(Connection& c, const std::string& id, std::int64_t seats) {
  DL_ASSIGN_OR_RETURN(std::int64_t changed,
                      c.execute(sql::kTakeSeats, {id, seats, format_rfc3339(now())}));
  return changed == 1;
}

Status SlotRepository::release_seats(Connection& c, const std::string& id, std::int64_t seats) {
  DL_TRY(c.execute(sql::kReleaseSeats, {id, seats, format_rfc3339(now())}));
  return {};
}

}  // namespace deltalabs::labs
