#pragma once

#include <string_view>

#include "core/error.h"
#include "http/response.h"

namespace deltalabs::http {

// The HTTP status for an error kind; the one place this mapping lives.
int status_for(ErrorKind kind);

// Renders an error as an RFC 9457 application/problem+json response with the
// members of api.md: type, title, status, detail, code, message, requestId, details.
Response problem_response(const Error& error, std::string_view request_id);

}  // namespace deltalabs::http
