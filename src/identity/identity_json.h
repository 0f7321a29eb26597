#pragma once

#include <boost/json/object.hpp>

#include "identity/auth_service.h"
#include "identity/model.h"
#include "identity/user_service.h"

namespace deltalabs::identity {

// The API shapes of identity objects (api.md): one function per type so every
// route renders the same object the same way.

// {id, email, username, first_name, last_name, status, email_verified, roles, created_at,
// updated_at}
boost::json::object user_json(const User& user);
// user_json plus `permissions: [slug]`.
boost::json::object profile_json(const Profile& profile);
// {theme, language, notifications, privacy, updated_at}
boost::json::object preferences_json(const Preferences& prefs);
// {access_token, refresh_token, token_type, expires_in}
boost::json::object tokens_json(const TokenPair& tokens);

}  // namespace deltalabs::identity
