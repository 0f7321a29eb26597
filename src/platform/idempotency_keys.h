#pragma once

#include <chrono>

#include "core/clock.h"
#include "http/idempotency_store.h"
#include "storage/database.h"
#include "storage/instance_lease.h"

namespace deltalabs {

// The database-backed idempotency store: a row per (caller, route, key) in
// idempotency_keys, claimed with INSERT ... ON CONFLICT DO NOTHING so
// concurrent duplicates cannot both run, kept `retention` for replay. Each
// claim records its owner, the claiming process's instance lease: a claim in
// progress whose owner is gone (a crash) is taken over at once; one whose
// owner runs stays in progress until `stale_after`, the last resort (decision 0025).
class IdempotencyKeys final : public http::IdempotencyStore {
 public:
  // Claims under `lease` (none: claims have no owner and only stale_after frees them).
  explicit IdempotencyKeys(Database& db, InstanceLease* lease = nullptr,
                           std::chrono::seconds retention = std::chrono::hours(24),
                           std::chrono::seconds stale_after = std::chrono::minutes(5))
      : db_(db), lease_(lease), retention_(retention), stale_after_(stale_after) {}

  Result<http::Claim> claim(const std::string& scope, const std::string& request_hash,
                            const std::optional<std::string>& user_id) override;
  Status complete(const std::string& scope, const http::Response& response) override;
  Status release(const std::string& scope) override;

 private:
  // Whether the stored row `r` may be claimed anew at `at`: it expired, or its
  // claim was cut off (owner gone, or in progress longer than stale_after).
  Result<bool> reclaimable(Connection& c, const Row& r, TimePoint at);
  // Whether `owner` names another process whose lease has ended.
  Result<bool> owner_gone(Connection& c, const std::optional<std::string>& owner);

  Database& db_;
  InstanceLease* lease_;
  std::chrono::seconds retention_;
  std::chrono::seconds stale_after_;
};

}  // namespace deltalabs
