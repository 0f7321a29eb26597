#include "identity/identity_shapes.h"

#include <boost/json.hpp>

#include "http/json_fields.h"

namespace deltalabs::identity {

namespace s = http::schema;

const http::JsonShape<RoleRef>& role_ref_shape() {
  static const http::JsonShape<RoleRef> shape("RoleRef", {{"id", s::uuid(), &RoleRef::id},
                                                          {"slug", s::string(), &RoleRef::slug},
                                                          {"name", s::string(), &RoleRef::name}});
  return shape;
}

const http::JsonShape<User>& user_shape() {
  static const http::JsonShape<User> shape(
      "User",
      {{"id", s::uuid(), &User::id},
       {"email", s::string(), &User::email},
       {"username", s::string(), &User::username},
       {"first_name", s::string(), &User::first_name},
       {"last_name", s::string(), &User::last_name},
       {"status", s::one_of({"active", "suspended", "deleted"}), &User::status},
       {"email_verified", s::boolean(), &User::email_verified},
       {"roles", s::array(s::ref(role_ref_shape())),
        [](const User& u) -> boost::json::value { return role_ref_shape().render_all(u.roles); }},
       {"created_at", s::timestamp(), &User::created_at},
       {"updated_at", s::timestamp(), &User::updated_at}});
  return shape;
}

const http::JsonShape<Profile>& profile_shape() {
  static const http::JsonShape<Profile> shape(
      "Profile", http::concat(http::fields_of(user_shape(), &Profile::user),
                              {{"permissions", s::array(s::string()), &Profile::permissions}}));
  return shape;
}

const http::JsonShape<Preferences>& preferences_shape() {
  static const http::JsonShape<Preferences> shape(
      "Preferences", {{"theme", s::one_of({"light", "dark", "system"}), &Preferences::theme},
                      {"language", s::string(), &Preferences::language},
                      {"notifications", s::any_object(),
                       [](const Preferences& p) { return http::object_or_empty(p.notifications); }},
                      {"privacy", s::any_object(),
                       [](const Preferences& p) { return http::object_or_empty(p.privacy); }},
                      {"updated_at", s::nullable(s::timestamp()), [](const Preferences& p) {
                         return p.updated_at.empty() ? boost::json::value(nullptr)
                                                     : boost::json::value(p.updated_at);
                       }}});
  return shape;
}

const http::JsonShape<TokenPair>& tokens_shape() {
  static const http::JsonShape<TokenPair> shape(
      "TokenPair", {{"access_token", s::string(), &TokenPair::access_token},
                    {"refresh_token", s::string(), &TokenPair::refresh_token},
                    {"token_type", s::one_of({"Bearer"}),
                     [](const TokenPair&) { return boost::json::value("Bearer"); }},
                    {"expires_in", s::integer(), &TokenPair::expires_in}});
  return shape;
}

const http::JsonShape<SignIn>& sign_in_shape() {
  static const http::JsonShape<SignIn> shape(
      "SignIn", http::concat(http::fields_of(tokens_shape(), &SignIn::tokens),
                             {{"user", s::ref(user_shape()), [](const SignIn& in) {
                                 return boost::json::value(user_shape().render(in.user));
                               }}}));
  return shape;
}

const http::JsonShape<User>& registration_shape() {
  static const http::JsonShape<User> shape(
      "Registration", {{"user", s::ref(user_shape()),
                        [](const User& u) { return boost::json::value(user_shape().render(u)); }}});
  return shape;
}

boost::json::object user_json(const User& u) { return user_shape().render(u); }

boost::json::object profile_json(const Profile& p) { return profile_shape().render(p); }

boost::json::object preferences_json(const Preferences& p) { return preferences_shape().render(p); }

boost::json::object tokens_json(const TokenPair& t) { return tokens_shape().render(t); }

}  // namespace deltalabs::identity
