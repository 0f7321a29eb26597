#include "platform/idempotency_keys.h"

#include <boost/json.hpp>

#include "core/clock.h"

namespace deltalabs {

namespace {

constexpr const char* kInsert =
    "INSERT INTO idempotency_keys (scope, user_id, request_hash, state, created_at, expires_at, "
    "owner) VALUES ($1, $2, $3, 'in_progress', $4, $5, $6) ON CONFLICT (scope) DO NOTHING";
constexpr const char* kSelect =
    "SELECT request_hash, state, response_status, response_content_type, response_headers, "
    "response_body, created_at, expires_at, owner FROM idempotency_keys WHERE scope = $1";
// Claims the row anew only if it is still what the claimer read ($6 state, $7
// owner, '' for none): of concurrent takeovers (PostgreSQL re-reads the row
// after waiting for another's update) exactly one changes it.
constexpr const char* kRestart =
    "UPDATE idempotency_keys SET request_hash = $2, state = 'in_progress', response_status = NULL, "
    "response_content_type = NULL, response_headers = NULL, response_body = NULL, created_at = $3, "
    "expires_at = $4, owner = $5 "
    "WHERE scope = $1 AND state = $6 AND COALESCE(owner, '') = $7";
constexpr const char* kComplete =
    "UPDATE idempotency_keys SET state = 'completed', response_status = $2, response_content_type "
    "= $3, "
    "response_headers = $4, response_body = $5 WHERE scope = $1";
constexpr const char* kDelete = "DELETE FROM idempotency_keys WHERE scope = $1";

http::Response stored_response(const Row& r) {
  http::Response resp;
  resp.status = static_cast<int>(r.integer(2));
  resp.content_type = r.text(3);
  resp.body = r.text(5);
  boost::system::error_code ec;
  const auto headers = boost::json::parse(r.text(4), ec);
  if (!ec && headers.is_array()) {
    for (const auto& h : headers.get_array()) {
      if (h.is_array() && h.get_array().size() == 2 && h.get_array()[0].is_string() &&
          h.get_array()[1].is_string()) {
        resp.headers.emplace_back(std::string(h.get_array()[0].get_string()),
                                  std::string(h.get_array()[1].get_string()));
      }
    }
  }
  resp.headers.emplace_back("Idempotent-Replayed", "true");
  return resp;
}

}  // namespace

Result<http::Claim> IdempotencyKeys::claim(const std::string& scope,
                                           const std::string& request_hash,
                                           const std::optional<std::string>& user_id) {
  const http::Claim claimed{http::ClaimOutcome::kClaimed, std::nullopt};
  const http::Claim in_progress{http::ClaimOutcome::kInProgress, std::nullopt};
  std::optional<std::string> owner;
  if (lease_ != nullptr) owner = lease_->owner();
  return db_.transaction([&](Connection& c) -> Result<http::Claim> {
    const TimePoint at = now();
    const std::string now_text = format_rfc3339(at);
    const std::string expires = format_rfc3339(at + retention_);
    DL_ASSIGN_OR_RETURN(std::int64_t inserted, c.execute(kInsert, {scope, user_id, request_hash,
                                                                   now_text, expires, owner}));
    if (inserted == 1) return claimed;
    DL_ASSIGN_OR_RETURN(RowSet rows, c.query(kSelect, {scope}));
    if (rows.empty())
      return Error::conflict("IDEMPOTENCY_IN_PROGRESS",
                             "A request with this key is still running.");
    const Row r = rows[0];
    DL_ASSIGN_OR_RETURN(bool reclaim, reclaimable(c, r, at));
    if (reclaim) {
      DL_ASSIGN_OR_RETURN(std::int64_t restarted,
                          c.execute(kRestart, {scope, request_hash, now_text, expires, owner,
                                               r.text(1), r.optional_text(8).value_or("")}));
      return restarted == 1 ? claimed : in_progress;
    }
    if (r.text(0) != request_hash) return http::Claim{http::ClaimOutcome::kMismatch, std::nullopt};
    if (r.text(1) == "in_progress") return in_progress;
    return http::Claim{http::ClaimOutcome::kReplay, stored_response(r)};
  });
}

Result<bool> IdempotencyKeys::reclaimable(Connection& c, const Row& r, TimePoint at) {
  if (r.text(7) <= format_rfc3339(at)) return true;  // expired
  if (r.text(1) != "in_progress") return false;
  if (r.text(6) <= format_rfc3339(at - stale_after_)) return true;
  return owner_gone(c, r.optional_text(8));
}

Result<bool> IdempotencyKeys::owner_gone(Connection& c, const std::optional<std::string>& owner) {
  if (lease_ == nullptr || !owner || *owner == lease_->owner()) return false;
  DL_ASSIGN_OR_RETURN(bool alive, lease_->alive(c, *owner));
  return !alive;
}

Status IdempotencyKeys::complete(const std::string& scope, const http::Response& response) {
  boost::json::array headers;
  for (const auto& [name, value] : response.headers) {
    if (name == "Location" || name == "Content-Location") headers.push_back({name, value});
  }
  return db_.transaction([&](Connection& c) -> Status {
    DL_TRY(c.execute(kComplete, {scope, response.status, response.content_type,
                                 boost::json::serialize(headers), response.body}));
    return {};
  });
}

Status IdempotencyKeys::release(const std::string& scope) {
  return db_.transaction([&](Connection& c) -> Status {
    DL_TRY(c.execute(kDelete, {scope}));
    return {};
  });
}

}  // namespace deltalabs
