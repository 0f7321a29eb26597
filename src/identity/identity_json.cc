#include "identity/identity_json.h"

#include <boost/json.hpp>

#include "http/json_fields.h"

namespace deltalabs::identity {

boost::json::object user_json(const User& u) {
  boost::json::array roles;
  for (const auto& r : u.roles) roles.push_back({{"id", r.id}, {"slug", r.slug}, {"name", r.name}});
  return {{"id", u.id},
          {"email", u.email},
          {"username", u.username ? boost::json::value(*u.username) : boost::json::value(nullptr)},
          {"first_name", u.first_name},
          {"last_name", u.last_name},
          {"status", u.status},
          {"email_verified", u.email_verified},
          {"roles", std::move(roles)},
          {"created_at", u.created_at},
          {"updated_at", u.updated_at}};
}

boost::json::object profile_json(const Profile& p) {
  boost::json::object o = user_json(p.user);
  boost::json::array permissions;
  for (const auto& slug : p.permissions) permissions.emplace_back(slug);
  o["permissions"] = std::move(permissions);
  return o;
}

boost::json::object preferences_json(const Preferences& p) {
  return {{"theme", p.theme},
          {"language", p.language},
          {"notifications", http::object_or_empty(p.notifications)},
          {"privacy", http::object_or_empty(p.privacy)},
          {"updated_at",
           p.updated_at.empty() ? boost::json::value(nullptr) : boost::json::value(p.updated_at)}};
}

boost::json::object tokens_json(const TokenPair& t) {
  return {{"access_token", t.access_token},
          {"refresh_token", t.refresh_token},
          {"token_type", "Bearer"},
          {"expires_in", t.expires_in}};
}

}  // namespace deltalabs::identity
