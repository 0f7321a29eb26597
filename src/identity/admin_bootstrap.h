#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "identity/password_hasher.h"
#include "storage/database.h"

namespace deltalabs::identity {

// What bootstrapping did.
struct BootstrapResult {
  std::string user_id;
  bool created = false;  // false: an existing account was promoted
};

// Creates an active, verified account with `role_slug`, or gives an existing
// account (matched by email) that role, without the HTTP server: how the
// first administrator gets in. Audited as admin.bootstrap.
Result<BootstrapResult> bootstrap_account(Database& db, const PasswordHasher& hasher,
                                          const std::string& email, const std::string& password,
                                          const std::string& role_slug,
                                          const std::string& first_name = "Admin",
                                          const std::string& last_name = "User");

// Sets the password of the account with this email (any case) without the
// HTTP server, and ends every session of it, like a password reset; 404
// USER_NOT_FOUND for an unknown email, 400 for a password of the wrong
// length. Audited as admin.password_set.
Status set_account_password(Database& db, const PasswordHasher& hasher, const std::string& email,
                            const std::string& password);

// The emails, among `emails`, of accounts that still sign in with `password`
// (each checked with the account's own argon2id hash, so a password changed
// by any route no longer counts).
Result<std::vector<std::string>> accounts_with_password(Database& db, const PasswordHasher& hasher,
                                                        const std::vector<std::string>& emails,
                                                        const std::string& password);

}  // namespace deltalabs::identity
