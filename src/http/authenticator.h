#pragma once

#include <string_view>

#include "core/actor.h"
#include "core/result.h"

namespace deltalabs::http {

// Turns a bearer token into the acting user. Implemented by the identity
// domain; the pipeline calls it for routes that are not public.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // The actor a valid access token speaks for, or a 401 error.
  virtual Result<Actor> authenticate(std::string_view bearer_token) = 0;
};

}  // namespace deltalabs::http
