#include "identity/auth_handlers.h"

#include <boost/json.hpp>

#include "core/case_fold.h"
#include "http/common_shapes.h"
#include "http/problem.h"
#include "http/route_group.h"
#include "identity/auth_rate_limits.h"
#include "identity/identity_shapes.h"

namespace deltalabs::identity {

namespace {

FieldSpec password_field(const char* name) {
  return field::string(name, 128).length(8, 128).required().describe(
      "8 to 128 characters, any Unicode");
}

// What POST /v1/auth/login reads: exactly one of email and username.
struct SignInBody {
  std::optional<std::string> email;
  std::optional<std::string> username;
  std::string password;
};

// The bodies that carry one string: a refresh token, a mailed token, an email.
struct RefreshTokenBody {
  std::string refresh_token;
};
struct TokenBody {
  std::string token;
};
struct EmailBody {
  std::string email;
};

struct PasswordReset {
  std::string token;
  std::string new_password;
};

struct PasswordChange {
  std::string current_password;
  std::string new_password;
};

const BodySchema& password_change_body() {
  static const BodySchema schema{
      field::string("current_password", 128)
          .length(1, 128)
          .required()
          .into(&PasswordChange::current_password),
      password_field("new_password").into(&PasswordChange::new_password)};
  return schema;
}

const BodySchema& registration_body() {
  static const BodySchema schema{
      field::email("email").required().into(&Registration::email),
      password_field("password").into(&Registration::password),
      field::string("first_name", 100).length(1, 100).required().into(&Registration::first_name),
      field::string("last_name", 100).length(1, 100).required().into(&Registration::last_name),
      field::string("username", 32).length(3, 32).into(&Registration::username)};
  return schema;
}

const BodySchema& sign_in_body() {
  static const BodySchema schema{
      field::email("email").into(&SignInBody::email),
      field::string("username", 32).into(&SignInBody::username),
      field::string("password", 128).length(1, 128).required().into(&SignInBody::password)};
  return schema;
}

const BodySchema& refresh_token_body() {
  static const BodySchema schema{
      field::string("refresh_token", 200).required().into(&RefreshTokenBody::refresh_token)};
  return schema;
}

const BodySchema& token_body() {
  static const BodySchema schema{field::string("token", 200).required().into(&TokenBody::token)};
  return schema;
}

const BodySchema& email_body() {
  static const BodySchema schema{field::email("email").required().into(&EmailBody::email)};
  return schema;
}

const BodySchema& password_reset_body() {
  static const BodySchema schema{field::string("token", 200).required().into(&PasswordReset::token),
                                 password_field("new_password").into(&PasswordReset::new_password)};
  return schema;
}

// Signs in, spending the failure budgets of the address and the account only
// when the credentials are wrong: correct passwords never count against
// them, so a classroom behind one address is not locked out by its own
// sign-ins, while guessing from one address or at one account is.
Result<http::Response> sign_in(http::Request& req, AuthService& auth, http::RateLimits& limits,
                               const std::string& login, bool by_username,
                               const std::string& password) {
  DL_ASSIGN_OR_RETURN(std::string account, auth.login_limit_key(login, by_username));
  if (auto r = limits.exhausted(req, auth_policy::kFailedSignIn, req.remote_address)) return *r;
  if (auto r = limits.exhausted(req, auth_policy::kFailedAccount, account)) return *r;
  auto signin = auth.login(req.caller(), login, by_username, password);
  if (!signin.ok()) {
    if (signin.error().code != "INVALID_CREDENTIALS") return std::move(signin).error();
    http::Response r = http::problem_response(signin.error(), req.request_id);
    for (auto& h : limits.count(auth_policy::kFailedSignIn, req.remote_address))
      r.headers.push_back(std::move(h));
    for (auto& h : limits.count(auth_policy::kFailedAccount, account))
      r.headers.push_back(std::move(h));
    return r;
  }
  return http::Response::json(200, sign_in_shape().render(*signin))
      .header("Cache-Control", "no-store");
}

}  // namespace

void register_auth_routes(http::Router& router, AuthService& auth, http::RateLimits& limits) {
  const http::RouteGroup g(router, "Identity");
  const http::RouteGroup anyone = g.with(http::Access::kPublic);
  anyone.add({.method = http::Method::kPost,
              .path = "/v1/auth/register",
              .handler = [&auth, &limits](http::Request& req) -> Result<http::Response> {
                auto input = http::body_as<Registration>(req);
                if (auto limited = limits.limit(req, auth_policy::kAccountMail,
                                                "register:" + case_fold_key(input.email)))
                  return *limited;
                DL_ASSIGN_OR_RETURN(User user, auth.register_user(req.caller(), input));
                return http::Response::json(201, registration_shape().render(user))
                    .header("Location", "/v1/users/" + user.id);
              },
              .summary = "Create an account (role student)",
              .body = http::json_body(registration_body()),
              .responses = {201, 409},
              .returns = http::schema::ref(registration_shape()),
              .rate_limit = auth_policy::kRegister,
              .blocking = true});

  anyone.add({.method = http::Method::kPost,
              .path = "/v1/auth/login",
              .handler = [&auth, &limits](http::Request& req) -> Result<http::Response> {
                auto who = http::body_as<SignInBody>(req);
                if (who.email.has_value() == who.username.has_value()) {
                  return Error::invalid("The request body is not valid.",
                                        {{"email", "give exactly one of email or username"}});
                }
                return sign_in(req, auth, limits, who.email ? *who.email : *who.username,
                               !who.email, who.password);
              },
              .summary = "Sign in with email or username and password",
              .body = http::json_body(sign_in_body()),
              .responses = {200, 401},  // 401: wrong credentials or an inactive account
              .returns = http::schema::ref(sign_in_shape()),
              .rate_limit = auth_policy::kSignIn,
              .blocking = true});

  anyone.add(
      {.method = http::Method::kPost,
       .path = "/v1/auth/refresh",
       .handler = [&auth](http::Request& req) -> Result<http::Response> {
         DL_ASSIGN_OR_RETURN(
             TokenPair tokens,
             auth.refresh(req.caller(), http::body_as<RefreshTokenBody>(req).refresh_token));
         return http::Response::json(200, tokens_json(tokens)).header("Cache-Control", "no-store");
       },
       .summary = "Rotate a refresh token into a new token pair",
       .body = http::json_body(refresh_token_body()),
       .responses = {200, 401},  // 401: unknown, reused or expired refresh token
       .returns = http::schema::ref(tokens_shape()),
       .rate_limit = auth_policy::kSignIn});

  g.add({.method = http::Method::kPost,
         .path = "/v1/auth/logout",
         .handler = [&auth](http::Request& req) -> Result<http::Response> {
           DL_TRY(auth.logout(req.caller(), http::body_as<RefreshTokenBody>(req).refresh_token));
           return http::Response::no_content();
         },
         .summary = "End the session of a refresh token",
         .body = http::json_body(refresh_token_body()),
         .responses = {204}});

  g.add({.method = http::Method::kPost,
         .path = "/v1/auth/logout-all",
         .handler = [&auth](http::Request& req) -> Result<http::Response> {
           DL_TRY(auth.logout_everywhere(req.caller()));
           return http::Response::no_content();
         },
         .summary = "Sign out everywhere: end every session of mine, this one included",
         .responses = {204}});

  g.add(
      {.method = http::Method::kPost,
       .path = "/v1/auth/change-password",
       .handler = [&auth](http::Request& req) -> Result<http::Response> {
         auto change = http::body_as<PasswordChange>(req);
         DL_ASSIGN_OR_RETURN(
             TokenPair tokens,
             auth.change_password(req.caller(), change.current_password, change.new_password));
         return http::Response::json(200, tokens_json(tokens)).header("Cache-Control", "no-store");
       },
       .summary = "Change my password, giving the current one (400 on current_password "
                  "when it is wrong); ends every session and answers a new token pair",
       .body = http::json_body(password_change_body()),
       .responses = {200, 400},
       .returns = http::schema::ref(tokens_shape()),
       .rate_limit = auth_policy::kSignIn,
       .blocking = true});

  anyone.add({.method = http::Method::kPost,
              .path = "/v1/auth/forgot-password",
              .handler = [&auth, &limits](http::Request& req) -> Result<http::Response> {
                const std::string email = http::body_as<EmailBody>(req).email;
                if (auto limited = limits.limit(req, auth_policy::kAccountMail,
                                                "forgot:" + case_fold_key(email)))
                  return *limited;
                DL_TRY(auth.forgot_password(req.caller(), email));
                return http::Response::json(202, http::accepted_shape().render({}));
              },
              .summary = "Mail a password reset token (202 whether or not the account exists)",
              .body = http::json_body(email_body()),
              .responses = {202},
              .returns = http::schema::ref(http::accepted_shape()),
              .rate_limit = auth_policy::kResetRequest});

  anyone.add({.method = http::Method::kPost,
              .path = "/v1/auth/reset-password",
              .handler = [&auth](http::Request& req) -> Result<http::Response> {
                auto reset = http::body_as<PasswordReset>(req);
                DL_TRY(auth.reset_password(req.caller(), reset.token, reset.new_password));
                return http::Response::no_content();
              },
              .summary = "Set a new password with a reset token; ends every session",
              .body = http::json_body(password_reset_body()),
              .responses = {204},
              .rate_limit = auth_policy::kSignIn,
              .blocking = true});

  anyone.add({.method = http::Method::kPost,
              .path = "/v1/auth/verify-email",
              .handler = [&auth](http::Request& req) -> Result<http::Response> {
                DL_TRY(auth.verify_email(req.caller(), http::body_as<TokenBody>(req).token));
                return http::Response::no_content();
              },
              .summary = "Confirm an email address with a verification token",
              .body = http::json_body(token_body()),
              .responses = {204},
              .rate_limit = auth_policy::kSignIn});
}

}  // namespace deltalabs::identity
