#include "identity/admin_bootstrap.h"

#include <boost/json.hpp>

#include "core/body_schema.h"
#include "core/clock.h"
#include "identity/role_repository.h"
#include "identity/session_repository.h"
#include "identity/user_repository.h"
#include "platform/audit_log.h"

namespace deltalabs::identity {

namespace {
Status check_password(const std::string& password) {
  return BodySchema{field::string("password", 128).length(8, 128).required()}.validate(
      boost::json::object{{"password", password}});
}

}  // namespace

Result<BootstrapResult> bootstrap_account(Database& db, const PasswordHasher& hasher,
                                          const std::string& email, const std::string& password,
                                          const std::string& role_slug,
                                          const std::string& first_name,
                                          const std::string& last_name) {
  const auto checked = BodySchema{field::email("email").required(),
                                  field::string("password", 128).length(8, 128).required()}
                           .validate(boost::json::object{{"email", email}, {"password", password}});
  if (!checked.ok()) return checked.error();
  DL_ASSIGN_OR_RETURN(std::string hash, hasher.hash(password));
  return db.transaction([&](Connection& c) -> Result<BootstrapResult> {
    DL_ASSIGN_OR_RETURN(auto role, RoleRepository::id_by_slug(c, role_slug));
    if (!role) return Error::bad_request("UNKNOWN_ROLE", "There is no role '" + role_slug + "'.");
    const std::string role_id = *role;
    BootstrapResult result;
    DL_ASSIGN_OR_RETURN(auto existing, UserRepository::credentials(c, email, false));
    if (existing) {
      result.user_id = existing->user_id;
    } else {
      DL_ASSIGN_OR_RETURN(
          result.user_id,
          UserRepository::insert(c, {email, std::nullopt, hash, first_name, last_name}, role_slug));
      DL_TRY(UserRepository::mark_email_verified(c, result.user_id));
      result.created = true;
    }
    DL_ASSIGN_OR_RETURN(bool held, UserRepository::has_role(c, result.user_id, role_id));
    if (!held) DL_TRY(UserRepository::grant_role(c, result.user_id, role_id));
    Actor system;
    system.request_id = "cli";
    DL_TRY(AuditLog::record(
        c, system,
        {"admin.bootstrap", "user", result.user_id, R"({"role":")" + role_slug + R"("})"}));
    return result;
  });
}

Status set_account_password(Database& db, const PasswordHasher& hasher, const std::string& email,
                            const std::string& password) {
  DL_TRY(check_password(password));
  DL_ASSIGN_OR_RETURN(std::string hash, hasher.hash(password));
  return db.transaction([&](Connection& c) -> Status {
    DL_ASSIGN_OR_RETURN(auto account, UserRepository::credentials(c, email, false));
    if (!account) {
      Error e = Error::not_found("user");
      e.message = "No account has the email '" + email + "'.";
      return e;
    }
    DL_TRY(UserRepository::set_password(c, account->user_id, hash));
    DL_TRY(SessionRepository::revoke_user(c, account->user_id, "password set by an operator"));
    Actor system;
    system.request_id = "cli";
    return AuditLog::record(c, system, {"admin.password_set", "user", account->user_id, "{}"});
  });
}

Result<std::vector<std::string>> accounts_with_password(Database& db, const PasswordHasher& hasher,
                                                        const std::vector<std::string>& emails,
                                                        const std::string& password) {
  std::vector<std::string> found;
  DL_ASSIGN_OR_RETURN(auto conn, db.read());
  for (const auto& email : emails) {
    DL_ASSIGN_OR_RETURN(auto account, UserRepository::credentials(*conn, email, false));
    if (account && hasher.verify(password, account->password_hash)) found.push_back(email);
  }
  return found;
}

}  // namespace deltalabs::identity
