#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace deltalabs {

// One SQL value, the same on every backend: NULL, integer, real, text or boolean.
// Drivers normalise dialect types (uuid, timestamptz, jsonb) to text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, bool>;

// Statement parameters, bound in order to $1, $2, ... on every backend.
class Params {
 public:
  Params() = default;
  template <class... Args>
  Params(Args&&... args) {  // NOLINT(google-explicit-constructor)
    values_.reserve(sizeof...(args));
    (add(std::forward<Args>(args)), ...);
  }

  // Appends a NULL.
  void add(std::nullopt_t) { values_.emplace_back(std::monostate{}); }
  // Appends an integer.
  void add(std::int64_t v) { values_.emplace_back(v); }
  void add(int v) { values_.emplace_back(static_cast<std::int64_t>(v)); }
  // Appends a real.
  void add(double v) { values_.emplace_back(v); }
  // Appends a boolean.
  void add(bool v) { values_.emplace_back(v); }
  // Appends text.
  void add(std::string v) { values_.emplace_back(std::move(v)); }
  void add(std::string_view v) { values_.emplace_back(std::string(v)); }
  void add(const char* v) { values_.emplace_back(std::string(v)); }
  // Appends a value or NULL.
  template <class T>
  void add(const std::optional<T>& v) {
    if (v) {
      add(*v);
    } else {
      add(std::nullopt);
    }
  }
  void add(Value v) { values_.push_back(std::move(v)); }

  // The values in bind order.
  const std::vector<Value>& values() const { return values_; }

 private:
  std::vector<Value> values_;
};

}  // namespace deltalabs
