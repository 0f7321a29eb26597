#include "http/rate_limits.h"

#include <algorithm>
#include <cstdint>

#include "http/problem.h"

namespace deltalabs::http {

void RateLimits::set_policy(RateLimitPolicy policy) {
  std::string name = policy.name;
  policies_[name] = std::move(policy);
}

const RateLimitPolicy* RateLimits::policy(std::string_view name) const {
  auto it = policies_.find(name);
  return it == policies_.end() ? nullptr : &it->second;
}

const RateLimitPolicy* RateLimits::active(std::string_view name) const {
  const RateLimitPolicy* p = policy(name);
  return p != nullptr && p->limit > 0 ? p : nullptr;
}

RateLimitOutcome RateLimits::hit(std::string_view policy_name, std::string_view key) {
  const RateLimitPolicy* p = active(policy_name);
  if (p == nullptr) return {};
  const RateLimitDecision d = store_->decide(*p, key, true);
  return {d, RateLimiter::headers(*p, d)};
}

std::optional<Response> RateLimits::limit(const Request& req, std::string_view policy_name,
                                          std::string_view key) {
  RateLimitOutcome outcome = hit(policy_name, key);
  if (outcome.decision.allowed) return std::nullopt;
  return refused(req, std::move(outcome));
}

std::optional<Response> RateLimits::exhausted(const Request& req, std::string_view policy_name,
                                              std::string_view key) {
  const RateLimitPolicy* p = active(policy_name);
  if (p == nullptr) return std::nullopt;
  const RateLimitDecision d = store_->decide(*p, key, false);
  if (d.allowed) return std::nullopt;
  return refused(req, {d, RateLimiter::headers(*p, d)});
}

RateLimitHeaders RateLimits::count(std::string_view policy_name, std::string_view key) {
  const RateLimitPolicy* p = active(policy_name);
  if (p == nullptr) return {};
  RateLimitDecision d = store_->decide(*p, key, true);
  // The attempt already happened: report the budget left, not a refusal.
  d.allowed = true;
  return RateLimiter::headers(*p, d);
}

Error RateLimits::refusal(const RateLimitDecision& decision, std::string_view what) {
  return {ErrorKind::kTooManyRequests,
          "RATE_LIMITED",
          "Too many " + std::string(what) + "; retry after " +
              std::to_string(std::max<std::int64_t>(1, decision.reset_seconds)) + " seconds.",
          {},
          {}};
}

Response RateLimits::refused(const Request& req, RateLimitOutcome outcome) {
  Response r = problem_response(refusal(outcome.decision), req.request_id);
  for (auto& h : outcome.headers) r.headers.push_back(std::move(h));
  return r;
}

}  // namespace deltalabs::http
