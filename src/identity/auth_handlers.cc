#include "identity/auth_handlers.h"

#include <boost/json.hpp>

#include "core/case_fold.h"
#include "http/common_shapes.h"
#include "http/json_fields.h"
#include "http/problem.h"
#include "identity/auth_rate_limits.h"
#include "identity/identity_json.h"

namespace deltalabs::identity {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Identity";

FieldSpec password_field(const char* name) {
  return field::string(name, 128).length(8, 128).required().describe(
      "8 to 128 characters, any Unicode");
}

// Signs in, spending the failure budgets of the address and the account only
// when the credentials are wrong: correct passwords never count against
// them, so a classroom behind one address is not locked out by its own
// sign-ins, while guessing from one address or at one account is.
Result<Response> sign_in(Request& req, AuthService& auth, http::RateLimits& limits,
                         const std::string& login, bool by_username) {
  DL_ASSIGN_OR_RETURN(std::string account, auth.login_limit_key(login, by_username));
  if (auto r = limits.exhausted(req, auth_policy::kFailedSignIn, req.remote_address)) return *r;
  if (auto r = limits.exhausted(req, auth_policy::kFailedAccount, account)) return *r;
  auto signin = auth.login(req.caller(), login, by_username,
                           http::required_string(req.json.as_object(), "password"));
  if (!signin.ok()) {
    if (signin.error().code != "INVALID_CREDENTIALS") return std::move(signin).error();
    Response r = http::problem_response(signin.error(), req.request_id);
    for (auto& h : limits.count(auth_policy::kFailedSignIn, req.remote_address))
      r.headers.push_back(std::move(h));
    for (auto& h : limits.count(auth_policy::kFailedAccount, account))
      r.headers.push_back(std::move(h));
    return r;
  }
  return Response::json(200, sign_in_shape().render(*signin)).header("Cache-Control", "no-store");
}

}  // namespace

void register_auth_routes(http::Router& router, AuthService& auth, http::RateLimits& limits) {
  router.add({.method = Method::kPost,
              .path = "/v1/auth/register",
              .handler = [&auth, &limits](Request& req) -> Result<Response> {
                const auto& b = req.json.as_object();
                const std::string email = http::required_string(b, "email");
                if (auto limited = limits.limit(req, auth_policy::kAccountMail,
                                                "register:" + case_fold_key(email)))
                  return *limited;
                Registration input{email, http::required_string(b, "password"),
                                   http::required_string(b, "first_name"),
                                   http::required_string(b, "last_name"),
                                   http::optional_string(b, "username")};
                DL_ASSIGN_OR_RETURN(User user, auth.register_user(req.caller(), input));
                return Response::json(201, registration_shape().render(user))
                    .header("Location", "/v1/users/" + user.id);
              },
              .summary = "Create an account (role student)",
              .tag = kTag,
              .body = http::json_body({field::email("email").required(), password_field("password"),
                                       field::string("first_name", 100).length(1, 100).required(),
                                       field::string("last_name", 100).length(1, 100).required(),
                                       field::string("username", 32).length(3, 32)}),
              .responses = {201, 409},
              .returns = http::schema::ref(registration_shape()),
              .rate_limit = auth_policy::kRegister,
              .blocking = true});

  router.add({.method = Method::kPost,
              .path = "/v1/auth/login",
              .handler = [&auth, &limits](Request& req) -> Result<Response> {
                const auto& b = req.json.as_object();
                const auto email = http::optional_string(b, "email");
                const auto username = http::optional_string(b, "username");
                if (email.has_value() == username.has_value()) {
                  return Error::invalid("The request body is not valid.",
                                        {{"email", "give exactly one of email or username"}});
                }
                return sign_in(req, auth, limits, email ? *email : *username, !email);
              },
              .summary = "Sign in with email or username and password",
              .tag = kTag,
              .body = http::json_body({field::email("email"), field::string("username", 32),
                                       field::string("password", 128).length(1, 128).required()}),
              .responses = {200, 401},  // 401: wrong credentials or an inactive account
              .returns = http::schema::ref(sign_in_shape()),
              .rate_limit = auth_policy::kSignIn,
              .blocking = true});

  router.add({.method = Method::kPost,
              .path = "/v1/auth/refresh",
              .handler = [&auth](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(
                    TokenPair tokens,
                    auth.refresh(req.caller(),
                                 http::required_string(req.json.as_object(), "refresh_token")));
                return Response::json(200, tokens_json(tokens)).header("Cache-Control", "no-store");
              },
              .summary = "Rotate a refresh token into a new token pair",
              .tag = kTag,
              .body = http::json_body({field::string("refresh_token", 200).required()}),
              .responses = {200, 401},  // 401: unknown, reused or expired refresh token
              .returns = http::schema::ref(tokens_shape()),
              .rate_limit = auth_policy::kSignIn});

  router.add({.method = Method::kPost,
              .path = "/v1/auth/logout",
              .handler = [&auth](Request& req) -> Result<Response> {
                DL_TRY(auth.logout(req.caller(),
                                   http::required_string(req.json.as_object(), "refresh_token")));
                return Response::no_content();
              },
              .summary = "End the session of a refresh token",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body({field::string("refresh_token", 200).required()}),
              .responses = {204}});

  router.add({.method = Method::kPost,
              .path = "/v1/auth/forgot-password",
              .handler = [&auth, &limits](Request& req) -> Result<Response> {
                const std::string email = http::required_string(req.json.as_object(), "email");
                if (auto limited = limits.limit(req, auth_policy::kAccountMail,
                                                "forgot:" + case_fold_key(email)))
                  return *limited;
                DL_TRY(auth.forgot_password(req.caller(), email));
                return Response::json(202, http::accepted_shape().render({}));
              },
              .summary = "Mail a password reset token (202 whether or not the account exists)",
              .tag = kTag,
              .body = http::json_body({field::email("email").required()}),
              .responses = {202},
              .returns = http::schema::ref(http::accepted_shape()),
              .rate_limit = auth_policy::kResetRequest});

  router.add({.method = Method::kPost,
              .path = "/v1/auth/reset-password",
              .handler = [&auth](Request& req) -> Result<Response> {
                const auto& b = req.json.as_object();
                DL_TRY(auth.reset_password(req.caller(), http::required_string(b, "token"),
                                           http::required_string(b, "new_password")));
                return Response::no_content();
              },
              .summary = "Set a new password with a reset token; ends every session",
              .tag = kTag,
              .body = http::json_body(
                  {field::string("token", 200).required(), password_field("new_password")}),
              .responses = {204},
              .rate_limit = auth_policy::kSignIn,
              .blocking = true});

  router.add({.method = Method::kPost,
              .path = "/v1/auth/verify-email",
              .handler = [&auth](Request& req) -> Result<Response> {
                DL_TRY(auth.verify_email(req.caller(),
                                         http::required_string(req.json.as_object(), "token")));
                return Response::no_content();
              },
              .summary = "Confirm an email address with a verification token",
              .tag = kTag,
              .body = http::json_body({field::string("token", 200).required()}),
              .responses = {204},
              .rate_limit = auth_policy::kSignIn});
}

}  // namespace deltalabs::identity
