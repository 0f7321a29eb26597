#include "identity/user_handlers.h"

#include <boost/json.hpp>

#include "http/json_fields.h"
#include "http/pagination.h"
#include "identity/identity_json.h"

namespace deltalabs::identity {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Identity";

// Name fields an owner may change; anything else in the body is rejected.
std::vector<FieldSpec> profile_fields() {
  return {field::string("first_name", 100).length(1, 100),
          field::string("last_name", 100).length(1, 100),
          field::string("username", 32).length(3, 32).nullable()};
}

ProfileChange profile_change(const boost::json::object& b) {
  ProfileChange c;
  c.first_name = http::optional_string(b, "first_name");
  c.last_name = http::optional_string(b, "last_name");
  c.username_set = http::has_field(b, "username");
  c.username = http::optional_string(b, "username");
  return c;
}

}  // namespace

void register_user_routes(http::Router& router, UserService& users, const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/users/me",
              .handler = [&users](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Profile p, users.me(req.caller()));
                return Response::json(200, profile_json(p));
              },
              .summary = "My profile with roles and permissions",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .returns = http::schema::ref(profile_shape())});

  router.add(
      {.method = Method::kPatch,
       .path = "/v1/users/me",
       .handler = [&users](Request& req) -> Result<Response> {
         DL_ASSIGN_OR_RETURN(Profile p,
                             users.update_me(req.caller(), profile_change(req.json.as_object())));
         return Response::json(200, profile_json(p));
       },
       .summary = "Change my name or username (roles, status and verification are not mine to set)",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .body = http::json_body(BodySchema(profile_fields())),
       .responses = {200, 409},
       .returns = http::schema::ref(profile_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/users/me/preferences",
              .handler = [&users](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Preferences p, users.preferences(req.caller()));
                return Response::json(200, preferences_json(p));
              },
              .summary = "My theme, language, notification and privacy settings",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .returns = http::schema::ref(preferences_shape())});

  router.add(
      {.method = Method::kPut,
       .path = "/v1/users/me/preferences",
       .handler = [&users](Request& req) -> Result<Response> {
         const auto& b = req.json.as_object();
         Preferences p;
         p.theme = http::required_string(b, "theme");
         p.language = http::required_string(b, "language");
         p.notifications = http::optional_json_text(b, "notifications").value_or("{}");
         p.privacy = http::optional_json_text(b, "privacy").value_or("{}");
         DL_ASSIGN_OR_RETURN(Preferences saved, users.save_preferences(req.caller(), p));
         return Response::json(200, preferences_json(saved));
       },
       .summary = "Replace my preferences",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .body = http::json_body(
           {field::string("theme", 10).one_of({"light", "dark", "system"}).required(),
            field::string("language", 35).length(2, 35).required(),
            field::object(
                "notifications",
                BodySchema{field::boolean("email"), field::boolean("push"), field::boolean("sms"),
                           field::string("digest", 10).one_of({"never", "daily", "weekly"})})
                .required(),
            field::object("privacy", BodySchema{field::boolean("profile_visible"),
                                                field::boolean("show_progress"),
                                                field::boolean("allow_messages")})
                .required()}),
       .returns = http::schema::ref(preferences_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/users",
              .handler = [&users, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                UserFilter filter{req.query("q"), req.query("status"), req.query("role")};
                DL_ASSIGN_OR_RETURN(Page<User> result, users.list(req.caller(), filter, page));
                return http::page_response(result, user_shape(), cursors);
              },
              .summary = "List users",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "users:list",
              .query = http::page_query({{"q", "string", "Text in email, username or name"},
                                         {.name = "status",
                                          .description = "active, suspended or deleted",
                                          .allowed = {"active", "suspended", "deleted"}},
                                         {"role", "string", "Role slug"}}),
              .returns = http::schema::page_of(user_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/users/:id",
              .handler = [&users](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(User u, users.get(req.caller(), std::string(req.param("id"))));
                return Response::json(200, user_json(u));
              },
              .summary = "One user (yourself, or with users:read)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "users:read",
              .responses = {200, 404},
              .returns = http::schema::ref(user_shape())});

  std::vector<FieldSpec> admin_fields = profile_fields();
  admin_fields.push_back(field::string("status", 10).one_of({"active", "suspended", "deleted"}));
  admin_fields.push_back(field::array("role_ids", field::uuid("role_id"), 50));
  router.add({.method = Method::kPatch,
              .path = "/v1/users/:id",
              .handler = [&users](Request& req) -> Result<Response> {
                const auto& b = req.json.as_object();
                UserChange change{profile_change(b), http::optional_string(b, "status"),
                                  http::optional_strings(b, "role_ids")};
                DL_ASSIGN_OR_RETURN(
                    User u, users.update(req.caller(), std::string(req.param("id")), change));
                return Response::json(200, user_json(u));
              },
              .summary = "Change a user's profile, status or roles",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "users:update",
              .body = http::json_body(BodySchema(admin_fields)),
              .responses = {200, 404, 409},
              .returns = http::schema::ref(user_shape())});

  router.add({.method = Method::kDelete,
              .path = "/v1/users/:id",
              .handler = [&users](Request& req) -> Result<Response> {
                DL_TRY(users.deactivate(req.caller(), std::string(req.param("id"))));
                return Response::no_content();
              },
              .summary = "Deactivate a user and end their sessions",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .permission = "users:delete",
              .responses = {204, 404}});
}

}  // namespace deltalabs::identity
