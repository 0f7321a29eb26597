#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/string_map.h"
#include "http/rate_limiter.h"
#include "http/request.h"
#include "http/response.h"

namespace deltalabs::http {

// Header name and value pairs that report a rate limit.
using RateLimitHeaders = std::vector<std::pair<std::string, std::string>>;

// One hit under a named policy: the verdict and the headers that report it.
struct RateLimitOutcome {
  RateLimitDecision decision;  // allowed when the policy is unknown or off
  RateLimitHeaders headers;    // empty when the policy is unknown or off
};

// The server's named rate-limit policies over one RateCounterStore (the
// in-process RateLimiter unless set_store() gave another), and
// how a limit is reported: the RateLimit-Policy, RateLimit and X-RateLimit-*
// headers, and the 429 RATE_LIMITED problem with Retry-After. The pipeline
// uses it for a route's per-address policy, handlers for their own keys (an
// account, a user). An unknown policy, or one with a limit of 0, never limits.
// Policies are set while wiring, before requests arrive; after that every
// member is thread-safe.
class RateLimits {
 public:
  RateLimits() = default;
  RateLimits(const RateLimits&) = delete;
  RateLimits& operator=(const RateLimits&) = delete;

  // Adds or replaces a named policy.
  void set_policy(RateLimitPolicy policy);
  // Counts in `store` from now on (not owned; it outlives this), instead of
  // in this process's memory; set while wiring, before requests arrive.
  void set_store(RateCounterStore* store) { store_ = store; }
  // The policy of that name, or nullptr.
  const RateLimitPolicy* policy(std::string_view name) const;

  // Counts a hit of `key` under the policy when allowed; the verdict and its headers.
  RateLimitOutcome hit(std::string_view policy_name, std::string_view key);
  // Counts a hit of `key` under the policy; the 429 RATE_LIMITED response
  // with its headers when refused, nothing otherwise.
  std::optional<Response> limit(const Request& req, std::string_view policy_name,
                                std::string_view key);
  // The 429 RATE_LIMITED response when `key` has no hits left under the
  // policy; counts nothing (see count()).
  std::optional<Response> exhausted(const Request& req, std::string_view policy_name,
                                    std::string_view key);
  // Counts a hit of `key` under the policy whatever the verdict; the headers
  // reporting the budget left after it (none when the policy is off).
  RateLimitHeaders count(std::string_view policy_name, std::string_view key);

  // The 429 RATE_LIMITED error of a refusal: "Too many <what>; retry after N seconds."
  static Error refusal(const RateLimitDecision& decision, std::string_view what = "requests");

 private:
  // The policy when it is known and on, else nullptr.
  const RateLimitPolicy* active(std::string_view name) const;
  // The 429 response of a refused outcome, with its headers.
  static Response refused(const Request& req, RateLimitOutcome outcome);

  RateLimiter limiter_;
  RateCounterStore* store_ = &limiter_;
  StringMap<RateLimitPolicy> policies_;
};

}  // namespace deltalabs::http
