#include "identity/auth_service.h"

#include <boost/json.hpp>

#include "core/case_fold.h"
#include "core/crypto.h"
#include "core/unicode_text.h"
#include "identity/session_repository.h"
#include "identity/user_repository.h"
#include "platform/audit_log.h"
#include "platform/mail_outbox.h"

namespace deltalabs::identity {

namespace {

constexpr const char* kVerifyPurpose = "verify_email";
constexpr const char* kResetPurpose = "reset_password";

Error invalid_credentials() {
  return Error::unauthorized("The email, username or password is not correct.",
                             "INVALID_CREDENTIALS");
}

Error invalid_refresh_token() {
  return Error::unauthorized("The refresh token is not valid.", "INVALID_REFRESH_TOKEN");
}

std::string details(std::initializer_list<std::pair<const char*, std::string>> fields) {
  boost::json::object o;
  for (const auto& [k, v] : fields) o[k] = v;
  return boost::json::serialize(o);
}

// The outcome of a refresh attempt that must be committed even when it fails
// (revoking a family on reuse), mapped to an error after the commit.
struct RefreshOutcome {
  std::optional<TokenPair> tokens;
  std::optional<Error> failure;
};

}  // namespace

AuthService::AuthService(Database& db, const PasswordHasher& hasher, const TokenSigner& signer,
                         AuthSettings settings)
    : db_(db), hasher_(hasher), signer_(signer), settings_(std::move(settings)) {}

Status AuthService::mail_token(Connection& c, const std::string& user_id, const std::string& email,
                               const std::string& purpose) {
  const std::string token = random_token(32);
  const bool reset = purpose == kResetPurpose;
  const auto ttl = reset ? settings_.reset_token_ttl : settings_.verify_token_ttl;
  DL_TRY(
      SessionRepository::add_one_time_token(c, user_id, purpose, sha256_hex(token), now() + ttl));
  const std::string subject =
      reset ? "Reset your Delta Labs password" : "Verify your Delta Labs email";
  const std::string link =
      settings_.public_url + (reset ? "/reset-password?token=" : "/verify-email?token=") + token;
  const std::string body =
      std::string(
          reset
              ? "Someone asked to reset the password of your Delta Labs account.\r\n"
                "If it was you, open the link below within an hour. If not, ignore this "
                "message.\r\n\r\n"
              : "Welcome to Delta Labs! Confirm your email address with the link below.\r\n\r\n") +
      link + "\r\n\r\nToken: " + token + "\r\n";
  return MailOutbox::enqueue(c, user_id, email, subject, body);
}

Result<User> AuthService::register_user(const Actor& actor, const Registration& input) {
  DL_ASSIGN_OR_RETURN(std::string hash, hasher_.hash(input.password));
  return db_.transaction([&](Connection& c) -> Result<User> {
    NewUser user{input.email, input.username, hash, input.first_name, input.last_name};
    DL_ASSIGN_OR_RETURN(std::string id, UserRepository::insert(c, user, settings_.default_role));
    DL_TRY(mail_token(c, id, input.email, kVerifyPurpose));
    Actor self = actor;
    self.user_id = id;
    DL_TRY(AuditLog::record(c, self, {"auth.registered", "user", id, "{}"}));
    return UserRepository::find(c, id);
  });
}

Status AuthService::record_failed_login(const Actor& actor, const std::string& login) {
  return db_.transaction([&](Connection& c) -> Status {
    return AuditLog::record(c, actor,
                            {"auth.login_failed", "user", "",
                             details({{"login", UnicodeText::to_valid_utf8(login, 254)}})});
  });
}

Result<TokenPair> AuthService::open_session(Connection& c, const Actor& actor,
                                            const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(std::string session_id, SessionRepository::open_session(
                                                  c, user_id, actor.user_agent, actor.ip_address));
  const std::string refresh = random_token(32);
  DL_TRY(SessionRepository::add_refresh_token(c, session_id, user_id, sha256_hex(refresh),
                                              now() + settings_.refresh_ttl));
  return TokenPair{signer_.issue(user_id, session_id), refresh,
                   static_cast<int>(signer_.ttl().count()), session_id};
}

Result<std::string> AuthService::login_limit_key(const std::string& login, bool by_username) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(auto creds, UserRepository::credentials(*conn, login, by_username));
  if (creds) return "account:" + creds->user_id;
  // Unknown names: every spelling of one name shares a budget too.
  return "login:" + case_fold_key(login);
}

Result<SignIn> AuthService::login(const Actor& actor, const std::string& login, bool by_username,
                                  const std::string& password) {
  std::optional<Credentials> creds;
  {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(creds, UserRepository::credentials(*conn, login, by_username));
  }
  if (!creds) {
    hasher_.verify_dummy(password);  // same work as a real check: timing reveals nothing
    DL_TRY(record_failed_login(actor, login));
    return invalid_credentials();
  }
  if (!hasher_.verify(password, creds->password_hash) || creds->status != "active") {
    DL_TRY(record_failed_login(actor, login));
    return invalid_credentials();
  }
  return db_.transaction([&](Connection& c) -> Result<SignIn> {
    DL_ASSIGN_OR_RETURN(TokenPair tokens, open_session(c, actor, creds->user_id));
    Actor self = actor;
    self.user_id = creds->user_id;
    DL_TRY(AuditLog::record(c, self, {"auth.login", "session", tokens.session_id, "{}"}));
    DL_ASSIGN_OR_RETURN(User user, UserRepository::find(c, creds->user_id));
    return SignIn{std::move(tokens), std::move(user)};
  });
}

Result<TokenPair> AuthService::refresh(const Actor& actor, const std::string& refresh_token) {
  DL_ASSIGN_OR_RETURN(RefreshOutcome outcome, db_.transaction([&](Connection& c)
                                                                  -> Result<RefreshOutcome> {
    DL_ASSIGN_OR_RETURN(auto record,
                        SessionRepository::find_refresh_token(c, sha256_hex(refresh_token)));
    if (!record) return RefreshOutcome{std::nullopt, invalid_refresh_token()};
    Actor owner = actor;
    owner.user_id = record->user_id;
    if (record->revoked || record->session_revoked)
      return RefreshOutcome{std::nullopt, invalid_refresh_token()};
    DL_ASSIGN_OR_RETURN(bool claimed, record->used
                                          ? Result<bool>(false)
                                          : SessionRepository::use_refresh_token(c, record->id));
    if (!claimed) {
      // A rotated token came back: someone holds a copy. End the whole family.
      DL_TRY(SessionRepository::revoke_session(c, record->session_id, "refresh token reused"));
      DL_TRY(AuditLog::record(c, owner,
                              {"auth.token_family_revoked", "session", record->session_id,
                               details({{"reason", "refresh token reused"}})}));
      return RefreshOutcome{
          std::nullopt, Error::unauthorized("The refresh token was already used; the session has "
                                            "been ended. Sign in again.",
                                            "REFRESH_TOKEN_REUSED")};
    }
    if (record->expires_at <= format_rfc3339(now())) {
      return RefreshOutcome{std::nullopt,
                            Error::unauthorized("The refresh token has expired.", "TOKEN_EXPIRED")};
    }
    DL_ASSIGN_OR_RETURN(auto state,
                        UserRepository::status_and_session(c, record->user_id, record->session_id));
    if (!state || state->first != "active")
      return RefreshOutcome{std::nullopt, invalid_refresh_token()};
    const std::string next = random_token(32);
    DL_ASSIGN_OR_RETURN(std::string next_id, SessionRepository::add_refresh_token(
                                                 c, record->session_id, record->user_id,
                                                 sha256_hex(next), now() + settings_.refresh_ttl));
    DL_TRY(SessionRepository::link_replacement(c, record->id, next_id, record->session_id));
    return RefreshOutcome{TokenPair{signer_.issue(record->user_id, record->session_id), next,
                                    static_cast<int>(signer_.ttl().count()), record->session_id},
                          std::nullopt};
  }));
  if (outcome.failure) return std::move(*outcome.failure);
  return std::move(*outcome.tokens);
}

Status AuthService::logout(const Actor& actor, const std::string& refresh_token) {
  return db_.transaction([&](Connection& c) -> Status {
    DL_ASSIGN_OR_RETURN(auto record,
                        SessionRepository::find_refresh_token(c, sha256_hex(refresh_token)));
    if (!record || record->user_id != actor.user_id) return invalid_refresh_token();
    DL_ASSIGN_OR_RETURN(bool revoked,
                        SessionRepository::revoke_session(c, record->session_id, "logout"));
    if (revoked)
      DL_TRY(AuditLog::record(c, actor, {"auth.logout", "session", record->session_id, "{}"}));
    return {};
  });
}

Status AuthService::forgot_password(const Actor& actor, const std::string& email) {
  return db_.transaction([&](Connection& c) -> Status {
    DL_ASSIGN_OR_RETURN(auto account, UserRepository::active_by_email(c, email));
    if (!account) return {};  // same answer either way: no account enumeration
    // To the address the account has, not to the case variant that was typed.
    DL_TRY(mail_token(c, account->user_id, account->email, kResetPurpose));
    Actor self = actor;
    self.user_id = account->user_id;
    return AuditLog::record(c, self,
                            {"auth.password_reset_requested", "user", account->user_id, "{}"});
  });
}

Status AuthService::reset_password(const Actor& actor, const std::string& token,
                                   const std::string& new_password) {
  DL_ASSIGN_OR_RETURN(std::string hash, hasher_.hash(new_password));
  return db_.transaction([&](Connection& c) -> Status {
    DL_ASSIGN_OR_RETURN(auto user_id, SessionRepository::consume_one_time_token(
                                          c, sha256_hex(token), kResetPurpose));
    if (!user_id)
      return Error::bad_request("INVALID_TOKEN", "The reset token is not valid or has expired.");
    DL_TRY(UserRepository::set_password(c, *user_id, hash));
    DL_TRY(SessionRepository::discard_one_time_tokens(c, *user_id, kResetPurpose));
    DL_TRY(SessionRepository::revoke_user(c, *user_id, "password reset"));
    Actor self = actor;
    self.user_id = *user_id;
    return AuditLog::record(c, self, {"auth.password_reset", "user", *user_id, "{}"});
  });
}

Status AuthService::logout_everywhere(const Actor& actor) {
  return db_.transaction([&](Connection& c) -> Status {
    DL_TRY(SessionRepository::revoke_user(c, actor.user_id, "signed out everywhere"));
    return AuditLog::record(c, actor, {"auth.logout_everywhere", "user", actor.user_id, "{}"});
  });
}

Result<TokenPair> AuthService::change_password(const Actor& actor,
                                               const std::string& current_password,
                                               const std::string& new_password) {
  std::optional<Credentials> creds;
  {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(User user, UserRepository::find(*conn, actor.user_id));
    DL_ASSIGN_OR_RETURN(creds, UserRepository::credentials(*conn, user.email, false));
  }
  // A 400 on the field, not a 401: the session is fine, the password typed is not.
  if (!creds || !hasher_.verify(current_password, creds->password_hash)) {
    return Error::invalid("The current password is not right.",
                          {{"current_password", "does not match your password"}});
  }
  DL_ASSIGN_OR_RETURN(std::string hash, hasher_.hash(new_password));
  return db_.transaction([&](Connection& c) -> Result<TokenPair> {
    DL_TRY(UserRepository::set_password(c, actor.user_id, hash));
    DL_TRY(SessionRepository::revoke_user(c, actor.user_id, "password changed"));
    DL_TRY(AuditLog::record(c, actor, {"auth.password_changed", "user", actor.user_id, "{}"}));
    return open_session(c, actor, actor.user_id);
  });
}

Status AuthService::verify_email(const Actor& actor, const std::string& token) {
  return db_.transaction([&](Connection& c) -> Status {
    DL_ASSIGN_OR_RETURN(auto user_id, SessionRepository::consume_one_time_token(
                                          c, sha256_hex(token), kVerifyPurpose));
    if (!user_id)
      return Error::bad_request("INVALID_TOKEN",
                                "The verification token is not valid or has expired.");
    DL_TRY(UserRepository::mark_email_verified(c, *user_id));
    Actor self = actor;
    self.user_id = *user_id;
    return AuditLog::record(c, self, {"auth.email_verified", "user", *user_id, "{}"});
  });
}

}  // namespace deltalabs::identity
