#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/actor.h"
#include "core/result.h"
#include "identity/model.h"
#include "identity/password_hasher.h"
#include "identity/token_signer.h"
#include "storage/database.h"

namespace deltalabs::identity {

// Settings of the sign-in flows.
struct AuthSettings {
  std::chrono::seconds refresh_ttl{30 * 24 * 3600};
  std::chrono::seconds reset_token_ttl{3600};
  std::chrono::seconds verify_token_ttl{3 * 24 * 3600};
  std::string public_url = "http://127.0.0.1:8080";
  std::string default_role = "student";
};

// A registration request, validated for shape by the handler.
struct Registration {
  std::string email;
  std::string password;
  std::string first_name;
  std::string last_name;
  std::optional<std::string> username;
};

// What a successful sign-in returns.
struct SignIn {
  TokenPair tokens;
  User user;
};

// Accounts and their credentials: registration, sign-in, refresh-token
// rotation with reuse detection, sign-out, password reset and email
// verification. Mail goes to the outbox in the same transaction as its cause.
class AuthService {
 public:
  AuthService(Database& db, const PasswordHasher& hasher, const TokenSigner& signer,
              AuthSettings settings);

  // Creates an active account with the default role and mails a verification
  // link; 409 EMAIL_TAKEN / USERNAME_TAKEN.
  Result<User> register_user(const Actor& actor, const Registration& input);
  // Signs in by email or username; 401 INVALID_CREDENTIALS with one message
  // for unknown accounts, wrong passwords and inactive accounts.
  Result<SignIn> login(const Actor& actor, const std::string& login, bool by_username,
                       const std::string& password);
  // What per-account sign-in limits count against: the account a login names
  // (so email and username share one budget), or the login text when no
  // account has it.
  Result<std::string> login_limit_key(const std::string& login, bool by_username);
  // Rotates a refresh token into a new pair. A token presented twice revokes
  // its whole family and answers 401 REFRESH_TOKEN_REUSED.
  Result<TokenPair> refresh(const Actor& actor, const std::string& refresh_token);
  // Ends the session the refresh token belongs to (it must be the actor's).
  Status logout(const Actor& actor, const std::string& refresh_token);
  // Mails a one-time reset token when the account exists; silent otherwise.
  Status forgot_password(const Actor& actor, const std::string& email);
  // Sets a new password with a reset token; revokes every session and every
  // other outstanding reset token.
  Status reset_password(const Actor& actor, const std::string& token,
                        const std::string& new_password);
  // Ends every session of the actor, this one included: every refresh token
  // and access token of theirs stops working at once.
  Status logout_everywhere(const Actor& actor);
  // Sets a new password for the signed-in actor who knows the current one
  // (400 with a current_password detail otherwise), ends every session and
  // opens a new one for the caller, whose token pair it answers.
  Result<TokenPair> change_password(const Actor& actor, const std::string& current_password,
                                    const std::string& new_password);
  // Marks the email verified with a verification token.
  Status verify_email(const Actor& actor, const std::string& token);
  // Issues a token pair in a new session for a user (used after sign-in).
  Result<TokenPair> open_session(Connection& c, const Actor& actor, const std::string& user_id);

 private:
  Status record_failed_login(const Actor& actor, const std::string& login);
  Status mail_token(Connection& c, const std::string& user_id, const std::string& email,
                    const std::string& purpose);

  Database& db_;
  const PasswordHasher& hasher_;
  const TokenSigner& signer_;
  AuthSettings settings_;
};

}  // namespace deltalabs::identity
