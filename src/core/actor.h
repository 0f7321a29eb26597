#pragma once

#include <string>

namespace deltalabs {

// Who is acting, and on which request: the authenticated user behind an HTTP
// request or an AI tool call. Services take an Actor and check its
// permissions themselves; the request id and address go to the audit log.
struct Actor {
  std::string user_id;     // empty for anonymous callers
  std::string session_id;  // the refresh-token family the access token came from, if any
  std::string request_id;
  std::string ip_address;
  std::string user_agent;

  // True when a user is signed in.
  bool authenticated() const { return !user_id.empty(); }
};

}  // namespace deltalabs
