#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace deltalabs::identity {

// The claims of an access token this service issues.
struct AccessClaims {
  std::string user_id;     // sub
  std::string session_id;  // sid: the refresh-token family it came from
  TimePoint expires_at;
};

// One signing key; `kid` names it in token headers.
struct SigningKey {
  std::string kid;
  std::string secret;
};

// Issues and verifies access tokens: JWT with HS256 only (the allowlist),
// `kid` chosen from a key set so keys rotate without signing everyone out,
// and exp, nbf, iss, aud and typ checked on every verification.
class TokenSigner {
 public:
  // keys[0] signs; every key verifies.
  TokenSigner(std::vector<SigningKey> keys, std::string issuer, std::string audience,
              std::chrono::seconds ttl);

  // Parses "kid:secret,kid:secret"; empty text yields one random key.
  static Result<std::vector<SigningKey>> parse_keys(std::string_view text);

  // A signed access token for the user and session, valid for the TTL.
  std::string issue(const std::string& user_id, const std::string& session_id) const;
  // The claims of a valid token, or 401 INVALID_TOKEN / TOKEN_EXPIRED.
  Result<AccessClaims> verify(std::string_view token) const;
  // Access token lifetime.
  std::chrono::seconds ttl() const { return ttl_; }

 private:
  std::vector<SigningKey> keys_;
  std::string issuer_;
  std::string audience_;
  std::chrono::seconds ttl_;
};

}  // namespace deltalabs::identity
