#pragma once

#include <cctype>
#include <string>
#include <utility>
#include <vector>

namespace deltalabs {

// The kinds of expected failure; http/ maps each to exactly one status code.
enum class ErrorKind {
  kInvalidInput,
  kUnauthorized,
  kPaymentRequired,
  kForbidden,
  kNotFound,
  kMethodNotAllowed,
  kConflict,
  kPayloadTooLarge,
  kUnsupportedMediaType,
  kUnprocessable,
  kTooManyRequests,
  kUnavailable,    // 503, transient: retry later (logged at warn)
  kMisconfigured,  // 503 until an operator fixes the configuration (logged at error)
  kInternal,
};

// One problem with one input field, reported in problem+json `details`.
struct FieldError {
  std::string field;
  std::string message;
};

// An expected failure as a value: a kind, a stable UPPER_SNAKE code and a
// human message. `cause` carries what a lower layer said (a driver message,
// a constraint name); it is logged and never shown to clients.
struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string code;
  std::string message;
  std::vector<FieldError> details;
  std::string cause;
  // Extra problem members (RFC 9457 extensions) naming what the failure is
  // about, e.g. {"order_id", id} of the order a conflict points at.
  std::vector<std::pair<std::string, std::string>> members;

  // Adds a problem member; returns *this for chaining.
  Error&& with(std::string name, std::string value) && {
    members.emplace_back(std::move(name), std::move(value));
    return std::move(*this);
  }

  // 400 with per-field details.
  static Error invalid(std::string message, std::vector<FieldError> details = {}) {
    return {
        ErrorKind::kInvalidInput, "VALIDATION_FAILED", std::move(message), std::move(details), {}};
  }
  // 400 with a specific code.
  static Error bad_request(std::string code, std::string message) {
    return {ErrorKind::kInvalidInput, std::move(code), std::move(message), {}, {}};
  }
  // 401.
  static Error unauthorized(std::string message = "Authentication is required.",
                            std::string code = "UNAUTHORIZED") {
    return {ErrorKind::kUnauthorized, std::move(code), std::move(message), {}, {}};
  }
  // 403.
  static Error forbidden(std::string message = "You are not allowed to do this.",
                         std::string code = "FORBIDDEN") {
    return {ErrorKind::kForbidden, std::move(code), std::move(message), {}, {}};
  }
  // 404 for a named thing, e.g. not_found("user").
  static Error not_found(const std::string& what) {
    std::string code;
    for (char c : what) code += c == ' ' ? '_' : static_cast<char>(std::toupper(c));
    return {ErrorKind::kNotFound, code + "_NOT_FOUND", "The " + what + " does not exist.", {}, {}};
  }
  // 409 with a specific code.
  static Error conflict(std::string code, std::string message) {
    return {ErrorKind::kConflict, std::move(code), std::move(message), {}, {}};
  }
  // 422 with a specific code.
  static Error unprocessable(std::string code, std::string message) {
    return {ErrorKind::kUnprocessable, std::move(code), std::move(message), {}, {}};
  }
  // 503.
  static Error unavailable(std::string code, std::string message, std::string cause = {}) {
    return {ErrorKind::kUnavailable, std::move(code), std::move(message), {}, std::move(cause)};
  }
  // 503 that an operator must fix (credentials refused by a processor).
  static Error misconfigured(std::string code, std::string message, std::string cause = {}) {
    return {ErrorKind::kMisconfigured, std::move(code), std::move(message), {}, std::move(cause)};
  }
  // 500; the message shown to clients is generic, `cause` is logged.
  static Error internal(std::string cause) {
    return {ErrorKind::kInternal,
            "INTERNAL_ERROR",
            "An unexpected error occurred.",
            {},
            std::move(cause)};
  }
};

}  // namespace deltalabs
