#pragma once

#include <memory>
#include <string>

#include "core/cursor_codec.h"
#include "http/rate_limits.h"
#include "http/router.h"
#include "identity/auth_service.h"
#include "identity/authorization_service.h"
#include "identity/organization_member_service.h"
#include "identity/organization_service.h"
#include "identity/organization_type_service.h"
#include "identity/password_hasher.h"
#include "identity/permission_service.h"
#include "identity/role_service.h"
#include "identity/route_permission_gate.h"
#include "identity/token_authenticator.h"
#include "identity/token_signer.h"
#include "identity/user_service.h"
#include "storage/database.h"

namespace deltalabs::identity {

// What the identity domain takes from the configuration (app/ fills it in).
struct IdentitySettings {
  std::string jwt_keys;  // "kid1:secret1,kid2:secret2"; the first signs
  std::string jwt_issuer;
  std::string jwt_audience;
  int access_token_ttl_s = 0;
  int refresh_token_ttl_s = 0;
  std::string public_url;      // links in mail (verification, password reset)
  int auth_rate_limit = 0;     // per minute; 0 = off
  int sign_in_rate_limit = 0;  // per minute; 0 = off
};

// The identity domain wired together: password hashing, token signing, the
// services other domains call (authorization first of all) and the routes.
class IdentityModule {
 public:
  // Builds the services from configuration and installs the auth rate-limit
  // policies in `rate_limits`, which the auth routes then count against.
  static Result<std::unique_ptr<IdentityModule>> create(Database& db,
                                                        const IdentitySettings& config,
                                                        http::RateLimits& rate_limits,
                                                        const CursorCodec& cursors);

  // Adds every identity route.
  void register_routes(http::Router& router);

  // Resolves bearer tokens for the pipeline.
  http::Authenticator& authenticator() { return authenticator_; }
  // "May this actor do that?" for every domain.
  const AuthorizationService& authorization() const { return authorization_; }
  // Accounts and credentials.
  AuthService& auth() { return auth_; }
  // Profiles and user administration.
  UserService& users() { return users_; }
  // Roles and the permissions they grant.
  RoleService& roles() { return roles_; }
  // The catalog of permission slugs.
  PermissionService& permissions() { return permissions_; }
  // Kinds of organization.
  OrganizationTypeService& organization_types() { return organization_types_; }
  // The organization tree.
  OrganizationService& organizations() { return organizations_; }
  // Memberships of organizations with their scoped roles.
  OrganizationMemberService& organization_members() { return organization_members_; }
  // What the pipeline asks before validating a write; other domains add owner rules.
  RoutePermissionGate& permission_gate() { return permission_gate_; }

 private:
  IdentityModule(Database& db, const IdentitySettings& config, http::RateLimits& rate_limits,
                 const CursorCodec& cursors, std::vector<SigningKey> keys);

  Database& db_;
  http::RateLimits& rate_limits_;
  const CursorCodec& cursors_;
  PasswordHasher hasher_;
  TokenSigner signer_;
  TokenAuthenticator authenticator_;
  AuthorizationService authorization_;
  AuthService auth_;
  UserService users_;
  RoleService roles_;
  PermissionService permissions_;
  OrganizationTypeService organization_types_;
  OrganizationService organizations_;
  OrganizationMemberService organization_members_;
  RoutePermissionGate permission_gate_;
};

}  // namespace deltalabs::identity
