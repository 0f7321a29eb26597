#include "identity/token_authenticator.h"

#include "identity/user_repository.h"

namespace deltalabs::identity {

Result<Actor> TokenAuthenticator::authenticate(std::string_view bearer_token) {
  DL_ASSIGN_OR_RETURN(AccessClaims claims, signer_.verify(bearer_token));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(auto state,
                      UserRepository::status_and_session(*conn, claims.user_id, claims.session_id));
  if (!state || state->first != "active") {
    return Error::unauthorized("The account is not active.", "ACCOUNT_INACTIVE");
  }
  if (state->second)
    return Error::unauthorized("The session has ended; sign in again.", "SESSION_REVOKED");
  Actor actor;
  actor.user_id = std::move(claims.user_id);
  actor.session_id = std::move(claims.session_id);
  return actor;
}

}  // namespace deltalabs::identity
