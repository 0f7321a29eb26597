#pragma once

#include <cstdint>

#include "http/rate_limits.h"

namespace deltalabs::identity {

// How many auth requests per minute the server admits (0 turns a limit off).
struct AuthRateLimits {
  // What attacks look like: failed sign-ins per address and per account,
  // registrations and reset-mail requests per address and per email.
  std::uint32_t attempts = 10;
  // Sign-ins, refreshes and token redemptions per address, failed or not: a
  // classroom behind one address signs in at once, so this one is generous.
  std::uint32_t sign_ins = 300;
};

// The names of the auth rate-limit policies (the names RateLimit-Policy shows).
namespace auth_policy {
inline constexpr const char* kSignIn = "sign-in";                // per address
inline constexpr const char* kFailedSignIn = "failed-sign-in";   // per address
inline constexpr const char* kFailedAccount = "failed-account";  // per account
inline constexpr const char* kRegister = "register";             // per address
inline constexpr const char* kResetRequest = "reset-request";    // per address
inline constexpr const char* kAccountMail = "account-mail";      // per email
}  // namespace auth_policy

// Installs every auth policy with a window of one minute.
void install_auth_rate_limits(http::RateLimits& rate_limits, const AuthRateLimits& limits);

}  // namespace deltalabs::identity
