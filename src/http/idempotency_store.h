#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "http/response.h"

namespace deltalabs::http {

// What a claim on an idempotency key found.
enum class ClaimOutcome {
  kClaimed,     // first use: run the request, then complete()
  kReplay,      // done before with the same body: answer `stored`
  kInProgress,  // the first request is still running
  kMismatch,    // the key was used with a different request
};

// The answer to a claim.
struct Claim {
  ClaimOutcome outcome = ClaimOutcome::kClaimed;
  std::optional<Response> stored;
};

// Where idempotency keys and first responses live. Implemented over the
// database by the operational domain; the pipeline only sees this.
class IdempotencyStore {
 public:
  virtual ~IdempotencyStore() = default;
  // Claims `scope` for a request with `request_hash`, atomically: of concurrent
  // claims exactly one gets kClaimed.
  virtual Result<Claim> claim(const std::string& scope, const std::string& request_hash,
                              const std::optional<std::string>& user_id) = 0;
  // Stores the response of a claimed request for replay.
  virtual Status complete(const std::string& scope, const Response& response) = 0;
  // Gives up a claim (the request failed unexpectedly) so a retry may run.
  virtual Status release(const std::string& scope) = 0;
};

}  // namespace deltalabs::http
