#include "identity/user_handlers.h"

#include "http/route_group.h"
#include "identity/identity_shapes.h"

namespace deltalabs::identity {

namespace {

// What PATCH /v1/users/me and /v1/users/:id read; profile() and change()
// make the service's ProfileChange and UserChange.
struct UserBody {
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::optional<std::string>> username;  // sent, possibly null
  std::optional<std::string> status;
  std::optional<std::vector<std::string>> role_ids;

  ProfileChange profile() const {
    return {.first_name = first_name,
            .last_name = last_name,
            .username_set = username.has_value(),
            .username = username.value_or(std::nullopt)};
  }
  UserChange change() const { return {profile(), status, role_ids}; }
};

// Name fields an owner may change; anything else in the body is rejected.
std::vector<FieldSpec> profile_fields() {
  return {field::string("first_name", 100).length(1, 100).into(&UserBody::first_name),
          field::string("last_name", 100).length(1, 100).into(&UserBody::last_name),
          field::string("username", 32).length(3, 32).nullable().into(&UserBody::username)};
}

const BodySchema& profile_body() {
  static const BodySchema schema(profile_fields());
  return schema;
}

// The owner's fields, and status and roles, which only an administrator sets.
const BodySchema& admin_user_body() {
  static const BodySchema schema = [] {
    std::vector<FieldSpec> fields = profile_fields();
    fields.push_back(field::string("status", 10)
                         .one_of({"active", "suspended", "deleted"})
                         .into(&UserBody::status));
    fields.push_back(
        field::array("role_ids", field::uuid("role_id"), 50).into(&UserBody::role_ids));
    return BodySchema(std::move(fields));
  }();
  return schema;
}

const BodySchema& preferences_body() {
  static const BodySchema schema{
      field::string("theme", 10)
          .one_of({"light", "dark", "system"})
          .required()
          .into(&Preferences::theme),
      field::string("language", 35).length(2, 35).required().into(&Preferences::language),
      field::object(
          "notifications",
          BodySchema{field::boolean("email"), field::boolean("push"), field::boolean("sms"),
                     field::string("digest", 10).one_of({"never", "daily", "weekly"})})
          .required()
          .into(&Preferences::notifications),
      field::object("privacy",
                    BodySchema{field::boolean("profile_visible"), field::boolean("show_progress"),
                               field::boolean("allow_messages")})
          .required()
          .into(&Preferences::privacy)};
  return schema;
}

}  // namespace

void register_user_routes(http::Router& router, UserService& users, const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Identity");
  g.get({.path = "/v1/users/me", .summary = "My profile with roles and permissions"},
        profile_shape(), http::call(users, &UserService::me));

  g.patch(
      {.path = "/v1/users/me",
       .summary = "Change my name or username (roles, status and verification are not mine to set)",
       .body = http::json_body(profile_body()),
       .responses = {200, 409}},
      profile_shape(),
      http::call(users, &UserService::update_me, http::body_field(&UserBody::profile)));

  g.get({.path = "/v1/users/me/preferences",
         .summary = "My theme, language, notification and privacy settings"},
        preferences_shape(), http::call(users, &UserService::preferences));

  g.put({.path = "/v1/users/me/preferences",
         .summary = "Replace my preferences",
         .body = http::json_body(preferences_body())},
        preferences_shape(),
        http::call(users, &UserService::save_preferences, http::body_as<Preferences>));

  g.list({.path = "/v1/users",
          .summary = "List users",
          .permission = "users:list",
          .query = {{"q", "string", "Text in email, username or name"},
                    {.name = "status",
                     .description = "active, suspended or deleted",
                     .allowed = {"active", "suspended", "deleted"}},
                    {"role", "string", "Role slug"}}},
         user_shape(), [&users](http::Request& req, const PageRequest& page) {
           UserFilter filter{req.query("q"), req.query("status"), req.query("role")};
           return users.list(req.caller(), filter, page);
         });

  g.get({.path = "/v1/users/:id",
         .summary = "One user (yourself, or with users:read)",
         .permission = "users:read",
         .responses = {200, 404}},
        user_shape(), [&users](http::Request& req) {
          return users.get(req.caller(), std::string(req.param("id")));
        });

  g.patch({.path = "/v1/users/:id",
           .summary = "Change a user's profile, status or roles",
           .permission = "users:update",
           .body = http::json_body(admin_user_body()),
           .responses = {200, 404, 409}},
          user_shape(), [&users](http::Request& req) {
            return users.update(req.caller(), std::string(req.param("id")),
                                http::body_as<UserBody>(req).change());
          });

  g.del({.path = "/v1/users/:id",
         .summary = "Deactivate a user and end their sessions",
         .permission = "users:delete",
         .responses = {204, 404}},
        [&users](http::Request& req) {
          return users.deactivate(req.caller(), std::string(req.param("id")));
        });
}

}  // namespace deltalabs::identity
