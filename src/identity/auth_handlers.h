#pragma once

#include "http/pipeline.h"
#include "http/router.h"
#include "identity/auth_service.h"

namespace deltalabs::identity {

// Registers /v1/auth/*: register, login, refresh, logout, forgot-password,
// reset-password and verify-email. Password routes run on the blocking pool.
void register_auth_routes(http::Router& router, AuthService& auth, http::Pipeline& pipeline);

}  // namespace deltalabs::identity
