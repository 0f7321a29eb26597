#pragma once

#include <string>

namespace deltalabs {

// Who is acting: the authenticated user behind a request or an AI tool call.
// Services take an Actor and check its permissions themselves.
struct Actor {
  std::string user_id;     // empty for anonymous callers
  std::string session_id;  // the refresh-token family the access token came from, if any

  // True when a user is signed in.
  bool authenticated() const { return !user_id.empty(); }
};

}  // namespace deltalabs
