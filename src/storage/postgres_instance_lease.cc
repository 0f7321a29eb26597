#include "storage/postgres_instance_lease.h"

#include <spdlog/spdlog.h>

#include <atomic>

namespace deltalabs {

namespace {

// Owner ids tried before giving up when each one's key is taken (a clash of keys).
constexpr int kOwnerAttempts = 5;
// How long each of the lease connection's statements may wait for an answer:
// a check must be over before the next is due. Without it a frozen server
// (or a frozen backend) held the keeper in poll() for good, and with it the
// process's shutdown, which joins the keeper.
const std::atomic<int> kAnswerWithinMs{5000};
constexpr const char* kTryLock = "SELECT pg_try_advisory_lock($1)";
constexpr const char* kPing = "SELECT 1";
// Whether a session holds the advisory lock on bigint key $1 in this database:
// pg_locks splits such a key into classid (high half) and objid (low half).
// The halves of $1 are compared, not the key rebuilt from every row's: a row
// of any other advisory lock (a high classid) would overflow that sum.
constexpr const char* kLockHeld =
    "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
    "AND classid = CAST((CAST($1 AS BIGINT) >> 32) & 4294967295 AS OID) "
    "AND objid = CAST(CAST($1 AS BIGINT) & 4294967295 AS OID)";

Error key_taken() {
  return Error::unavailable("INSTANCE_LEASE_FAILED", "Cannot take this process's instance lease.",
                            "every owner key tried is locked by another session");
}

}  // namespace

Result<std::unique_ptr<InstanceLease>> PostgresInstanceLease::open(const std::string& url) {
  for (int attempt = 0; attempt < kOwnerAttempts; ++attempt) {
    std::string owner = make_owner_id();
    auto held = hold(url, *owner_key(owner));
    if (held.ok())
      return std::unique_ptr<InstanceLease>(
          new PostgresInstanceLease(std::move(owner), url, std::move(held).value()));
    if (held.error().code != "INSTANCE_LEASE_FAILED") return std::move(held).error();
  }
  return key_taken();
}

PostgresInstanceLease::PostgresInstanceLease(std::string owner, std::string url,
                                             std::unique_ptr<PostgresConnection> held)
    : InstanceLease(std::move(owner)), url_(std::move(url)), held_(std::move(held)) {
  keeper_ = std::thread([this] { keep(); });
}

PostgresInstanceLease::~PostgresInstanceLease() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  keeper_.join();
}

Result<std::unique_ptr<PostgresConnection>> PostgresInstanceLease::hold(const std::string& url,
                                                                        std::int64_t key) {
  auto conn = std::make_unique<PostgresConnection>(url, &kAnswerWithinMs);
  DL_TRY(conn->open_status());
  DL_ASSIGN_OR_RETURN(RowSet rows, conn->query(kTryLock, {key}));
  if (rows.empty() || !rows[0].boolean(0)) return key_taken();
  return conn;
}

Result<bool> PostgresInstanceLease::alive(Connection& c, const std::string& owner) {
  if (owner == this->owner()) return true;
  const std::optional<std::int64_t> key = owner_key(owner);
  if (!key) return true;  // not an owner id of ours: assume it runs (stale_after still frees it)
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(kLockHeld, {*key}));
  return !rows.empty();
}

void PostgresInstanceLease::keep() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, kCheckEvery, [this] { return stopping_; })) {
    lock.unlock();
    check_or_retake();
    lock.lock();
  }
}

void PostgresInstanceLease::check_or_retake() {
  const bool had = held_ != nullptr;
  if (had && !held_->broken() && held_->query(kPing, {}).ok()) return;
  // Lost, or no answer within kAnswerWithinMs: the connection is dropped
  // (closing it ends the session and its lock once the server reads again),
  // and until the lock is back other processes may take over this process's
  // claims. The old session may still hold the lock a moment; try again next time.
  if (had) spdlog::warn(R"({{"msg":"instance lease lost","owner":"{}"}})", owner());
  held_.reset();
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
  }
  auto again = hold(url_, *owner_key(owner()));
  if (!again.ok()) return;
  held_ = std::move(again).value();
  spdlog::info(R"({{"msg":"instance lease retaken","owner":"{}"}})", owner());
}

}  // namespace deltalabs
