#pragma once

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

#include "core/error.h"

namespace deltalabs {

// A value or an expected Error. Exceptions are reserved for the unexpected.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  // True when a value is held.
  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // The value; only valid when ok().
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

  // The error; only valid when !ok().
  Error& error() & { return std::get<1>(state_); }
  const Error& error() const& { return std::get<1>(state_); }
  Error&& error() && { return std::get<1>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

// Success or an expected Error, for operations with no value.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  // True when no error is held.
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }

  // The error; only valid when !ok().
  Error& error() & { return *error_; }
  const Error& error() const& { return *error_; }
  Error&& error() && { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

}  // namespace deltalabs

#define DL_CONCAT_INNER(a, b) a##b
#define DL_CONCAT(a, b) DL_CONCAT_INNER(a, b)

// Evaluates a Result expression; on error returns the error from the caller.
#define DL_TRY(expr)                                                    \
  do {                                                                  \
    auto&& dl_try_result_ = (expr);                                     \
    if (!dl_try_result_.ok()) return std::move(dl_try_result_).error(); \
  } while (0)

// Declares `lhs` from a Result expression's value, or returns its error.
#define DL_ASSIGN_OR_RETURN(lhs, expr)                         \
  auto DL_CONCAT(dl_result_, __LINE__) = (expr);               \
  if (!DL_CONCAT(dl_result_, __LINE__).ok())                   \
    return std::move(DL_CONCAT(dl_result_, __LINE__)).error(); \
  lhs = std::move(DL_CONCAT(dl_result_, __LINE__)).value()
