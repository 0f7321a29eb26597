#include "identity/password_hasher.h"

#include <sodium.h>

namespace deltalabs::identity {

namespace {
constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19u * 1024u * 1024u;
}  // namespace

PasswordHasher::PasswordHasher() {
  auto dummy = hash("a password nobody has");
  if (dummy.ok()) dummy_hash_ = std::move(dummy).value();
}

Result<std::string> PasswordHasher::hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::internal("argon2id hashing ran out of memory");
  }
  return std::string(out);
}

bool PasswordHasher::verify(std::string_view password, const std::string& encoded) const {
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::verify_dummy(std::string_view password) const {
  static_cast<void>(verify(password, dummy_hash_));
}

}  // namespace deltalabs::identity
