#include "labs/slot_repository.h"

#include "core/uuid.h"
#include "labs/labs_sql.h"

namespace deltalabs::labs {

namespace {

// What both drivers report when a write breaks the no-overlap rule: the
// exclusion constraint on PostgreSQL, the RAISE of a trigger on SQLite.
constexpr const char* kExclusionViolation = "EXCLUSION_VIOLATION";

Slot slot_from(const Row& r) {
  Slot s;
  s.id = r.text(0);
  s.lab_id = r.text(1);
  s.slot_start = r.text(2);
  s.slot_end = r.text(3);
  s.capacity = r.integer(4);
  s.seats_taken = r.integer(5);
  s.seats_free = r.integer(6);
  s.waitlisted = r.integer(7);
  s.created_at = r.text(8);
  return s;
}

Result<Slot> one_slot(Result<RowSet> rows) {
  if (!rows.ok()) return std::move(rows).error();
  if (rows->empty()) return Error::not_found("slot");
  return slot_from((*rows)[0]);
}

}  // namespace

Result<Slot> SlotRepository::find(Connection& c, const std::string& id, TimePoint now) {
  if (!is_uuid(id)) return Error::not_found("slot");
  return one_slot(c.query(sql::kSelectSlot, {format_rfc3339(now), id}));
}

Result<Slot> SlotRepository::find_by_start(Connection& c, const std::string& lab_id,
                                           const std::string& slot_start, TimePoint now) {
  return one_slot(c.query(sql::kSelectSlotByStart, {format_rfc3339(now), lab_id, slot_start}));
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
  std::vector<Slot> items;
  items.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(slot_from(rows[i]));
  return make_page(std::move(items), page.limit, [](const Slot& s) { return s.slot_start; });
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
