#include "storage/replica_routing_database.h"

#include <spdlog/spdlog.h>

#include <utility>

#include "storage/replica_sql.h"

namespace deltalabs {

namespace {

// A cause as a JSON string's content: the driver's messages may quote.
std::string json_safe(std::string text) {
  for (char& ch : text) {
    if (ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) < 0x20) ch = '\'';
  }
  return text;
}

}  // namespace

// What one thread's current request asked for and did.
struct ReplicaRoutingDatabase::ThreadRequest {
  const ReplicaRoutingDatabase* owner = nullptr;
  bool active = false;    // inside begin_request/end_request
  bool stale_ok = false;  // its reads may go to the replica
  bool decided = false;   // its first read chose where all its reads go
  bool on_replica = false;
  std::optional<Lsn> client_lsn;
  RequestEnd end;
};

ReplicaRoutingDatabase::ReplicaRoutingDatabase(std::unique_ptr<Database> primary,
                                               std::unique_ptr<Database> replica,
                                               ReplicaPolicy::Options options)
    : primary_(std::move(primary)), replica_(std::move(replica)), policy_(options) {}

ReplicaRoutingDatabase::ThreadRequest& ReplicaRoutingDatabase::this_thread() {
  thread_local ThreadRequest request;
  if (request.owner != this) request = ThreadRequest{.owner = this};
  return request;
}

void ReplicaRoutingDatabase::begin_request(bool stale_ok, std::optional<Lsn> client_lsn) {
  this_thread() =
      ThreadRequest{.owner = this, .active = true, .stale_ok = stale_ok, .client_lsn = client_lsn};
}

ReplicaRoutingDatabase::RequestEnd ReplicaRoutingDatabase::end_request() {
  ThreadRequest& r = this_thread();
  RequestEnd end = r.end;
  r = ThreadRequest{.owner = this};
  return end;
}

void ReplicaRoutingDatabase::mark_replica_down() {
  const std::lock_guard lock(mutex_);
  policy_.mark_down(ReplicaPolicy::Clock::now());
}

Result<ConnectionLease> ReplicaRoutingDatabase::read() {
  ThreadRequest& r = this_thread();
  // One decision per request, so that its reads see one database.
  if (r.active && r.stale_ok && !r.decided) {
    r.decided = true;
    r.on_replica = choose_replica(r.client_lsn);
  }
  if (r.on_replica) {
    auto lease = replica_->read();
    if (lease.ok()) {
      r.end.used_replica = true;
      replica_reads_.fetch_add(1, std::memory_order_relaxed);
      return lease;
    }
    spdlog::warn("{{\"msg\":\"read replica unavailable, reading the primary\",\"cause\":\"{}\"}}",
                 json_safe(lease.error().message));
    mark_replica_down();
    r.on_replica = false;
  }
  primary_reads_.fetch_add(1, std::memory_order_relaxed);
  return primary_->read();
}

Result<ConnectionLease> ReplicaRoutingDatabase::write() {
  auto lease = primary_->write();
  if (!lease.ok() || !this_thread().active) return lease;
  // The position is read when the transaction is over (the lease comes back
  // after COMMIT), on the same connection: one round trip, no second lease.
  auto inner = std::make_shared<ConnectionLease>(std::move(lease).value());
  Connection* conn = &**inner;
  return ConnectionLease(conn, [this, inner](Connection* c) { record_write(*c); });
}

void ReplicaRoutingDatabase::record_write(Connection& conn) {
  if (conn.broken()) return;
  auto rows = conn.query(sql::kSelectPrimaryInsertLsn);
  if (!rows.ok() || rows->empty()) return;
  const auto lsn = parse_lsn((*rows)[0].text(0));
  ThreadRequest& r = this_thread();
  if (lsn && (!r.end.wrote || *r.end.wrote < *lsn)) r.end.wrote = lsn;
}

bool ReplicaRoutingDatabase::choose_replica(std::optional<Lsn> client_lsn) {
  {
    const std::lock_guard lock(mutex_);
    const auto now = ReplicaPolicy::Clock::now();
    // One thread asks; the others decide on the status they have meanwhile.
    if (asking_ || !policy_.needs_status(now)) return policy_.use_replica(now, client_lsn);
    asking_ = true;
  }
  refresh_status();
  const std::lock_guard lock(mutex_);
  asking_ = false;
  return policy_.use_replica(ReplicaPolicy::Clock::now(), client_lsn);
}

void ReplicaRoutingDatabase::refresh_status() {
  std::optional<ReplicaStatus> status;
  std::string cause;
  if (auto lease = replica_->read(); !lease.ok()) {
    cause = lease.error().message;
  } else if (auto rows = (*lease)->query(sql::kSelectReplicaStatus); !rows.ok()) {
    cause = rows.error().message;
  } else if (const auto lsn = rows->empty() ? std::nullopt : parse_lsn((*rows)[0].text(0))) {
    status = ReplicaStatus{*lsn, std::chrono::milliseconds((*rows)[0].integer(1))};
  } else {
    cause = "the server is not in recovery (no replay position)";
  }
  const std::lock_guard lock(mutex_);
  // Logged when it changes, not at every back-off of a replica that stays away.
  if (status) {
    if (std::exchange(replica_failing_, false))
      spdlog::info(R"({"msg":"read replica answers again"})");
    policy_.observe(ReplicaPolicy::Clock::now(), *status);
    return;
  }
  if (!std::exchange(replica_failing_, true))
    spdlog::warn("{{\"msg\":\"read replica skipped\",\"cause\":\"{}\"}}", json_safe(cause));
  policy_.mark_down(ReplicaPolicy::Clock::now());
}

std::string ReplicaRoutingDatabase::describe() const {
  return primary_->describe() + " (read replica " + replica_->describe() + ")";
}

}  // namespace deltalabs
