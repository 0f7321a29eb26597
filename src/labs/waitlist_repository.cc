#include "labs/waitlist_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "labs/labs_sql.h"

namespace deltalabs::labs {

namespace {

WaitlistEntry entry_from(const Row& r) { return sql::kWaitlistRow.read(r); }

Result<std::optional<WaitlistEntry>> optional_entry(Result<RowSet> rows) {
  if (!rows.ok()) return std::move(rows).error();
  if (rows->empty()) return std::optional<WaitlistEntry>{};
  return std::optional<WaitlistEntry>{entry_from((*rows)[0])};
}

}  // namespace

Result<WaitlistEntry> WaitlistRepository::find(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("waitlist entry");
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectWaitlistEntry, {id}));
  if (rows.empty()) return Error::not_found("waitlist entry");
  return entry_from(rows[0]);
}

Result<std::optional<WaitlistEntry>> WaitlistRepository::of_user(Connection& c,
                                                                 const std::string& availability_id,
                                                                 const std::string& user_id) {
  return optional_entry(c.query(sql::kSelectWaitlistOfUser, {availability_id, user_id}));
}

Result<std::optional<WaitlistEntry>> WaitlistRepository::first(Connection& c,
                                                               const std::string& availability_id) {
  return optional_entry(c.query(sql::kFirstWaitlisted, {availability_id}));
}

Result<std::string> WaitlistRepository::append(Connection& c, const std::string& availability_id,
                                               const std::string& user_id, std::int64_t seats) {
  DL_ASSIGN_OR_RETURN(RowSet last, c.query(sql::kLastWaitlistPosition, {availability_id}));
  std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertWaitlistEntry, {id, availability_id, user_id, seats,
                                               last[0].integer(0) + 1, format_rfc3339(now())}));
  return id;
}

Status WaitlistRepository::remove(Connection& c, const WaitlistEntry& entry) {
  DL_TRY(c.execute(sql::kDeleteWaitlistEntry, {entry.id}));
  DL_TRY(c.execute(sql::kShiftWaitlistOut, {entry.availability_id, entry.position}));
  DL_TRY(c.execute(sql::kShiftWaitlistIn, {entry.availability_id}));
  return {};
}

}  // namespace deltalabs::labs
