#pragma once

#include <chrono>

#include "http/idempotency_store.h"
#include "storage/database.h"

namespace deltalabs {

// The database-backed idempotency store: a row per (caller, route, key) in
// idempotency_keys, claimed with INSERT ... ON CONFLICT DO NOTHING so
// concurrent duplicates cannot both run, kept `retention` for replay. A claim
// left in progress longer than `stale_after` (a crash) may be taken over.
class IdempotencyKeys final : public http::IdempotencyStore {
 public:
  explicit IdempotencyKeys(Database& db, std::chrono::seconds retention = std::chrono::hours(24),
                           std::chrono::seconds stale_after = std::chrono::minutes(5))
      : db_(db), retention_(retention), stale_after_(stale_after) {}

  Result<http::Claim> claim(const std::string& scope, const std::string& request_hash,
                            const std::optional<std::string>& user_id) override;
  Status complete(const std::string& scope, const http::Response& response) override;
  Status release(const std::string& scope) override;

 private:
  Database& db_;
  std::chrono::seconds retention_;
  std::chrono::seconds stale_after_;
};

}  // namespace deltalabs
