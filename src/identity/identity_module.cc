#include "identity/identity_module.h"

#include "identity/auth_handlers.h"
#include "identity/auth_rate_limits.h"
#include "identity/organization_handlers.h"
#include "identity/organization_type_handlers.h"
#include "identity/permission_handlers.h"
#include "identity/role_handlers.h"
#include "identity/user_handlers.h"

namespace deltalabs::identity {

namespace {

AuthSettings settings_from(const IdentitySettings& config) {
  AuthSettings s;
  s.refresh_ttl = std::chrono::seconds(config.refresh_token_ttl_s);
  s.public_url = config.public_url;
  return s;
}

}  // namespace

IdentityModule::IdentityModule(Database& db, const IdentitySettings& config,
                               http::RateLimits& rate_limits, const CursorCodec& cursors,
                               std::vector<SigningKey> keys)
    : db_(db),
      rate_limits_(rate_limits),
      cursors_(cursors),
      signer_(std::move(keys), config.jwt_issuer, config.jwt_audience,
              std::chrono::seconds(config.access_token_ttl_s)),
      authenticator_(db, signer_),
      authorization_(db),
      auth_(db, hasher_, signer_, settings_from(config)),
      users_(db, authorization_),
      roles_(db, authorization_),
      permissions_(db, authorization_),
      organization_types_(db, authorization_),
      organizations_(db, authorization_),
      organization_members_(db, authorization_),
      permission_gate_(authorization_) {}

Result<std::unique_ptr<IdentityModule>> IdentityModule::create(Database& db,
                                                               const IdentitySettings& config,
                                                               http::RateLimits& rate_limits,
                                                               const CursorCodec& cursors) {
  DL_ASSIGN_OR_RETURN(auto keys, TokenSigner::parse_keys(config.jwt_keys));
  install_auth_rate_limits(rate_limits,
                           {static_cast<std::uint32_t>(std::max(0, config.auth_rate_limit)),
                            static_cast<std::uint32_t>(std::max(0, config.sign_in_rate_limit))});
  return std::unique_ptr<IdentityModule>(
      new IdentityModule(db, config, rate_limits, cursors, std::move(keys)));
}

void IdentityModule::register_routes(http::Router& router) {
  register_auth_routes(router, auth_, rate_limits_);
  register_user_routes(router, users_, cursors_);
  register_role_routes(router, roles_, cursors_);
  register_permission_routes(router, permissions_, cursors_);
  register_organization_type_routes(router, organization_types_, cursors_);
  register_organization_routes(router, organizations_, organization_members_, cursors_);
}

}  // namespace deltalabs::identity
