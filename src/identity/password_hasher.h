#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace deltalabs::identity {

// argon2id password hashing at the OWASP floor (m = 19 MiB, t = 2, p = 1).
// CPU-heavy by design: routes that hash run on the server's blocking pool.
class PasswordHasher {
 public:
  PasswordHasher();

  // The encoded argon2id hash of a password (salt and parameters included).
  Result<std::string> hash(std::string_view password) const;
  // True when `password` matches `encoded`.
  bool verify(std::string_view password, const std::string& encoded) const;
  // Spends the time of one verification, for unknown accounts, so response
  // timing does not reveal whether an account exists.
  void verify_dummy(std::string_view password) const;

 private:
  std::string dummy_hash_;
};

}  // namespace deltalabs::identity
