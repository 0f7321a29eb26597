#pragma once

#include <boost/json/object.hpp>

#include "http/json_shape.h"
#include "identity/auth_service.h"
#include "identity/model.h"
#include "identity/user_service.h"

namespace deltalabs::identity {

// The API shapes of identity objects (api.md): one shape per type, so every
// route renders the same object the same way and documents what it renders.

// {id, slug, name} of a role a user holds.
const http::JsonShape<RoleRef>& role_ref_shape();
// {id, email, username, first_name, last_name, status, email_verified, roles, created_at,
// updated_at}
const http::JsonShape<User>& user_shape();
// The user plus `permissions: [slug]`.
const http::JsonShape<Profile>& profile_shape();
// {theme, language, notifications, privacy, updated_at}
const http::JsonShape<Preferences>& preferences_shape();
// {access_token, refresh_token, token_type, expires_in}
const http::JsonShape<TokenPair>& tokens_shape();
// The token pair plus the signed-in `user`.
const http::JsonShape<SignIn>& sign_in_shape();
// {user}: the answer to a registration.
const http::JsonShape<User>& registration_shape();

// user_shape().render(user).
boost::json::object user_json(const User& user);
// profile_shape().render(profile).
boost::json::object profile_json(const Profile& profile);
// preferences_shape().render(prefs).
boost::json::object preferences_json(const Preferences& prefs);
// tokens_shape().render(tokens).
boost::json::object tokens_json(const TokenPair& tokens);

}  // namespace deltalabs::identity
