#include "identity/auth_rate_limits.h"

namespace deltalabs::identity {

void install_auth_rate_limits(http::RateLimits& rate_limits, const AuthRateLimits& limits) {
  constexpr std::chrono::seconds kMinute{60};
  for (const char* name :
       {auth_policy::kFailedSignIn, auth_policy::kFailedAccount, auth_policy::kRegister,
        auth_policy::kResetRequest, auth_policy::kAccountMail}) {
    rate_limits.set_policy({name, limits.attempts, kMinute});
  }
  rate_limits.set_policy({auth_policy::kSignIn, limits.sign_ins, kMinute});
}

}  // namespace deltalabs::identity
