#include "identity/session_repository.h"

#include "core/uuid.h"
#include "identity/identity_sql.h"

namespace deltalabs::identity {

Result<std::string> SessionRepository::open_session(Connection& c, const std::string& user_id,
                                                    const std::string& user_agent,
                                                    const std::string& ip) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertSession,
                   {id, user_id, user_agent.substr(0, 512), ip, format_rfc3339(now())}));
  return id;
}

Result<std::string> SessionRepository::add_refresh_token(Connection& c,
                                                         const std::string& session_id,
                                                         const std::string& user_id,
                                                         const std::string& token_hash,
                                                         TimePoint expires_at) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertRefreshToken, {id, session_id, user_id, token_hash,
                                              format_rfc3339(now()), format_rfc3339(expires_at)}));
  return id;
}

Result<std::optional<RefreshTokenRecord>> SessionRepository::find_refresh_token(
    Connection& c, const std::string& token_hash) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectRefreshToken, {token_hash}));
  if (rows.empty()) return std::optional<RefreshTokenRecord>{};
  const Row r = rows[0];
  return std::optional<RefreshTokenRecord>(RefreshTokenRecord{
      r.text(0), r.text(1), r.text(2), r.text(3), !r.is_null(4), !r.is_null(5), !r.is_null(6)});
}

Result<bool> SessionRepository::use_refresh_token(Connection& c, const std::string& token_id) {
  DL_ASSIGN_OR_RETURN(std::int64_t changed,
                      c.execute(sql::kUseRefreshToken, {token_id, format_rfc3339(now())}));
  return changed == 1;
}

Status SessionRepository::link_replacement(Connection& c, const std::string& old_id,
                                           const std::string& new_id,
                                           const std::string& session_id) {
  DL_TRY(c.execute(sql::kLinkReplacement, {old_id, new_id}));
  DL_TRY(c.execute(sql::kTouchSession, {session_id, format_rfc3339(now())}));
  return {};
}

Result<bool> SessionRepository::revoke_session(Connection& c, const std::string& session_id,
                                               const std::string& reason) {
  const std::string at = format_rfc3339(now());
  DL_ASSIGN_OR_RETURN(std::int64_t changed,
                      c.execute(sql::kRevokeSession, {session_id, at, reason}));
  DL_TRY(c.execute(sql::kRevokeSessionTokens, {session_id, at}));
  return changed == 1;
}

Status SessionRepository::revoke_user(Connection& c, const std::string& user_id,
                                      const std::string& reason) {
  const std::string at = format_rfc3339(now());
  DL_TRY(c.execute(sql::kRevokeUserSessions, {user_id, at, reason}));
  DL_TRY(c.execute(sql::kRevokeUserTokens, {user_id, at}));
  return {};
}

Status SessionRepository::add_one_time_token(Connection& c, const std::string& user_id,
                                             const std::string& purpose,
                                             const std::string& token_hash, TimePoint expires_at) {
  DL_TRY(c.execute(sql::kInsertOneTimeToken, {new_uuid_v7(), user_id, purpose, token_hash,
                                              format_rfc3339(now()), format_rfc3339(expires_at)}));
  return {};
}

Result<std::optional<std::string>> SessionRepository::consume_one_time_token(
    Connection& c, const std::string& token_hash, const std::string& purpose) {
  DL_ASSIGN_OR_RETURN(
      std::int64_t changed,
      c.execute(sql::kConsumeOneTimeToken, {token_hash, purpose, format_rfc3339(now())}));
  if (changed != 1) return std::optional<std::string>{};
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectOneTimeTokenUser, {token_hash, purpose}));
  return std::optional<std::string>(rows[0].text(0));
}

Status SessionRepository::discard_one_time_tokens(Connection& c, const std::string& user_id,
                                                  const std::string& purpose) {
  DL_TRY(c.execute(sql::kDiscardOneTimeTokens, {user_id, purpose, format_rfc3339(now())}));
  return {};
}

}  // namespace deltalabs::identity
