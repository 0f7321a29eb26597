#include "identity/identity_shapes.h"

#include <boost/json.hpp>

#include "http/json_fields.h"
#include "http/shape_fields.h"

namespace deltalabs::identity {

namespace s = http::schema;

DL_JSON_SHAPE(role_ref_shape, RoleRef, "RoleRef",
              {DL_SHAPE_FIELDS(RoleRef, (id, uuid), (slug, string), (name, string))})

DL_JSON_SHAPE(
    user_shape, User, "User",
    {DL_SHAPE_FIELDS(User, (id, uuid), (email, string), (username, string), (first_name, string),
                     (last_name, string), (status, one_of, {"active", "suspended", "deleted"}),
                     (email_verified, boolean)),
     {"roles", s::array(s::ref(role_ref_shape())),
      [](const User& u) -> boost::json::value { return role_ref_shape().render_all(u.roles); }},
     DL_SHAPE_FIELDS(User, (created_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(profile_shape, Profile, "Profile",
              http::concat(http::fields_of(user_shape(), &Profile::user),
                           {DL_SHAPE_FIELDS(Profile, (permissions, array, s::string()))}))

DL_JSON_SHAPE(preferences_shape, Preferences, "Preferences",
              {DL_SHAPE_FIELDS(Preferences, (theme, one_of, {"light", "dark", "system"}),
                               (language, string)),
               {"notifications", s::any_object(),
                [](const Preferences& p) { return http::object_or_empty(p.notifications); }},
               {"privacy", s::any_object(),
                [](const Preferences& p) { return http::object_or_empty(p.privacy); }},
               {"updated_at", s::nullable(s::timestamp()), [](const Preferences& p) {
                  return p.updated_at.empty() ? boost::json::value(nullptr)
                                              : boost::json::value(p.updated_at);
                }}})

DL_JSON_SHAPE(tokens_shape, TokenPair, "TokenPair",
              {DL_SHAPE_FIELDS(TokenPair, (access_token, string), (refresh_token, string)),
               {"token_type", s::one_of({"Bearer"}),
                [](const TokenPair&) { return boost::json::value("Bearer"); }},
               DL_SHAPE_FIELDS(TokenPair, (expires_in, integer))})

DL_JSON_SHAPE(sign_in_shape, SignIn, "SignIn",
              http::concat(http::fields_of(tokens_shape(), &SignIn::tokens),
                           {{"user", s::ref(user_shape()), [](const SignIn& in) {
                               return boost::json::value(user_shape().render(in.user));
                             }}}))

DL_JSON_SHAPE(registration_shape, User, "Registration",
              {{"user", s::ref(user_shape()),
                [](const User& u) { return boost::json::value(user_shape().render(u)); }}})

boost::json::object user_json(const User& u) { return user_shape().render(u); }

boost::json::object profile_json(const Profile& p) { return profile_shape().render(p); }

boost::json::object preferences_json(const Preferences& p) { return preferences_shape().render(p); }

boost::json::object tokens_json(const TokenPair& t) { return tokens_shape().render(t); }

}  // namespace deltalabs::identity
