#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "identity/model.h"
#include "storage/connection.h"

namespace deltalabs::identity {

// Sessions (sign-ins), their refresh tokens and one-time tokens. Tokens are
// stored only as SHA-256 hashes. Stateless; the caller owns the transaction.
class SessionRepository {
 public:
  // Opens a session for the user; returns its id.
  static Result<std::string> open_session(Connection& c, const std::string& user_id,
                                          const std::string& user_agent, const std::string& ip);
  // Stores a refresh token (by hash) in a session; returns its id.
  static Result<std::string> add_refresh_token(Connection& c, const std::string& session_id,
                                               const std::string& user_id,
                                               const std::string& token_hash, TimePoint expires_at);
  // The token with this hash, if any.
  static Result<std::optional<RefreshTokenRecord>> find_refresh_token(
      Connection& c, const std::string& token_hash);
  // Marks a token used; false when it was already used or revoked (a race or a replay).
  static Result<bool> use_refresh_token(Connection& c, const std::string& token_id);
  // Records which token replaced a rotated one, and that the session was used.
  static Status link_replacement(Connection& c, const std::string& old_id,
                                 const std::string& new_id, const std::string& session_id);
  // Revokes a session and all its tokens; false when it was already revoked.
  static Result<bool> revoke_session(Connection& c, const std::string& session_id,
                                     const std::string& reason);
  // Revokes every session and token of a user.
  static Status revoke_user(Connection& c, const std::string& user_id, const std::string& reason);
  // Stores a one-time token (by hash) for a purpose.
  static Status add_one_time_token(Connection& c, const std::string& user_id,
                                   const std::string& purpose, const std::string& token_hash,
                                   TimePoint expires_at);
  // Consumes an unexpired, unused one-time token; returns its user, or nullopt.
  static Result<std::optional<std::string>> consume_one_time_token(Connection& c,
                                                                   const std::string& token_hash,
                                                                   const std::string& purpose);
  // Uses up every outstanding one-time token of a user for a purpose.
  static Status discard_one_time_tokens(Connection& c, const std::string& user_id,
                                        const std::string& purpose);
};

}  // namespace deltalabs::identity
