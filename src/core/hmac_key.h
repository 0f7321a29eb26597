#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace deltalabs {

// An HMAC-SHA-256 key with its inner and outer hash states computed once:
// each MAC then hashes only the data, not the key's two padded blocks again.
// Copies share the precomputed state; it is never written after construction.
class HmacKey {
 public:
  // Precomputes the states for `key`.
  explicit HmacKey(std::string_view key);

  // HMAC-SHA-256 of `data`, raw 32 bytes; equal to hmac_sha256(key, data).
  std::string mac(std::string_view data) const;

 private:
  struct State;
  std::shared_ptr<const State> keyed_;
};

}  // namespace deltalabs
