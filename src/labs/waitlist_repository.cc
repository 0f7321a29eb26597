#include "labs/waitlist_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "labs/labs_sql.h"

namespace deltalabs::labs {

Result<WaitlistEntry> WaitlistRepository::find(Connection& c, const std::string& id) {
  return sql::kWaitlistTable.find(c, id);
}

Result<std::optional<WaitlistEntry>> WaitlistRepository::of_user(Connection& c,
                                                                 const std::string& availability_id,
                                                                 const std::string& user_id) {
  return sql::kWaitlistTable.first(c, sql::kSelectWaitlistOfUser, {availability_id, user_id});
}

Result<std::optional<WaitlistEntry>> WaitlistRepository::first(Connection& c,
                                                               const std::string& availability_id) {
  return sql::kWaitlistTable.first(c, sql::kFirstWaitlisted, {availability_id});
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
