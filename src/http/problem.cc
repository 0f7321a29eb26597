#include "http/problem.h"

#include <boost/json.hpp>

#include "core/unicode_text.h"

namespace deltalabs::http {

int status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput:
      return 400;
    case ErrorKind::kUnauthorized:
      return 401;
    case ErrorKind::kPaymentRequired:
      return 402;
    case ErrorKind::kForbidden:
      return 403;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kMethodNotAllowed:
      return 405;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kPayloadTooLarge:
      return 413;
    case ErrorKind::kUnsupportedMediaType:
      return 415;
    case ErrorKind::kUnprocessable:
      return 422;
    case ErrorKind::kTooManyRequests:
      return 429;
    case ErrorKind::kUnavailable:
    case ErrorKind::kMisconfigured:
      return 503;
    case ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

namespace {

std::string_view title_for(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 402:
      return "Payment Required";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return "Internal Server Error";
  }
}

// UPPER_SNAKE -> upper-snake -> lower kebab for the problem type URI.
std::string kebab(std::string_view code) {
  std::string out;
  for (char c : code)
    out += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Error text may quote what a client sent: whatever a caller forgot to clean,
// no problem body carries invalid UTF-8.
std::string valid(std::string_view text) { return UnicodeText::to_valid_utf8(text); }

}  // namespace

Response problem_response(const Error& error, std::string_view request_id) {
  const int status = error.code == "HEADERS_TOO_LARGE" ? 431 : status_for(error.kind);
  boost::json::object body;
  body["type"] = "https://deltalabs.dev/problems/" + kebab(error.code);
  body["title"] = title_for(status);
  body["status"] = status;
  body["detail"] = valid(error.message);
  body["code"] = valid(error.code);
  body["message"] = body["detail"];
  body["requestId"] = request_id;
  if (!error.details.empty()) {
    boost::json::array details;
    for (const auto& d : error.details)
      details.push_back({{"field", valid(d.field)}, {"message", valid(d.message)}});
    body["details"] = std::move(details);
  }
  for (const auto& [name, value] : error.members) body[name] = valid(value);
  Response r = Response::json(status, body);
  r.content_type = "application/problem+json";
  return r;
}

}  // namespace deltalabs::http
