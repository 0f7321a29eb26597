#pragma once

#include "http/authenticator.h"
#include "identity/token_signer.h"
#include "storage/database.h"

namespace deltalabs::identity {

// Resolves bearer access tokens for the HTTP pipeline: verifies the JWT, then
// checks in the database that the user is active and the session not revoked,
// so deactivation and logout take effect at once.
class TokenAuthenticator final : public http::Authenticator {
 public:
  TokenAuthenticator(Database& db, const TokenSigner& signer) : db_(db), signer_(signer) {}

  Result<Actor> authenticate(std::string_view bearer_token) override;

 private:
  Database& db_;
  const TokenSigner& signer_;
};

}  // namespace deltalabs::identity
