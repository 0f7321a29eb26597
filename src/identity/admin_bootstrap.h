#pragma once

#include <string>

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

}  // namespace deltalabs::identity
