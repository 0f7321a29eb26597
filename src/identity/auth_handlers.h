#pragma once

#include "http/rate_limits.h"
#include "http/router.h"
#include "identity/auth_service.h"

namespace deltalabs::identity {

// Registers /v1/auth/*: register, login, refresh, logout, forgot-password,
// reset-password and verify-email. Password routes run on the blocking pool;
// `rate_limits` holds the auth policies (auth_rate_limits.h) the handlers
// count per account and per email.
void register_auth_routes(http::Router& router, AuthService& auth, http::RateLimits& rate_limits);

}  // namespace deltalabs::identity
