#include "platform/job_lease.h"

#include "core/clock.h"

namespace deltalabs {

namespace {

constexpr const char* kMakeRow =
    "INSERT INTO job_leases (name, holder, fencing_token, expires_at_ms) "
    "VALUES ($1, NULL, 0, 0) ON CONFLICT (name) DO NOTHING";
// Takes ($2 is the taker, $3 now, $4 the new expiry) when the lease is the
// taker's own or has expired; a change of holder increments the token. Of two
// instances racing, PostgreSQL makes the second wait for the first's row lock
// and re-check the WHERE on the row it wrote, so only one takes it.
constexpr const char* kTakeOrRenew =
    "UPDATE job_leases SET "
    "fencing_token = CASE WHEN holder = $2 THEN fencing_token ELSE fencing_token + 1 END, "
    "holder = $2, expires_at_ms = $4 "
    "WHERE name = $1 AND (holder = $2 OR expires_at_ms <= $3) RETURNING fencing_token";
constexpr const char* kFence =
    "UPDATE job_leases SET expires_at_ms = $4 "
    "WHERE name = $1 AND holder = $2 AND fencing_token = $3";
constexpr const char* kRelease =
    "UPDATE job_leases SET expires_at_ms = 0 WHERE name = $1 AND holder = $2";

}  // namespace

std::int64_t epoch_ms_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(now().time_since_epoch()).count();
}

Status JobFence::check(Connection& c) const {
  DL_ASSIGN_OR_RETURN(
      std::int64_t changed,
      c.execute(kFence, {job_, holder_, token_, epoch_ms_now() + duration_.count()}));
  if (changed == 1) return {};
  return Error::conflict("JOB_LEASE_LOST",
                         "Another instance took over this background job; its writes stop here.");
}

JobLease::JobLease(Database& db, std::string job, std::string holder,
                   std::chrono::milliseconds duration)
    : db_(db), job_(std::move(job)), holder_(std::move(holder)), duration_(duration) {}

Result<std::optional<JobFence>> JobLease::take_or_renew() {
  DL_ASSIGN_OR_RETURN(auto conn, db_.write());
  if (!row_made_) {
    DL_TRY(conn->execute(kMakeRow, {job_}));
    row_made_ = true;
  }
  const std::int64_t at = epoch_ms_now();
  DL_ASSIGN_OR_RETURN(RowSet rows,
                      conn->query(kTakeOrRenew, {job_, holder_, at, at + duration_.count()}));
  if (rows.empty()) return std::optional<JobFence>();
  return std::optional<JobFence>(JobFence(job_, holder_, rows[0].integer(0), duration_));
}

Status JobLease::release() {
  DL_ASSIGN_OR_RETURN(auto conn, db_.write());
  DL_TRY(conn->execute(kRelease, {job_, holder_}));
  return {};
}

}  // namespace deltalabs
