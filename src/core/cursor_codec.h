#pragma once

#include <string>
#include <string_view>

#include "core/hmac_key.h"
#include "core/result.h"

namespace deltalabs {

// Seals pagination positions into opaque cursors: base64url(payload) + "." +
// a truncated HMAC, so clients cannot forge or edit a position.
class CursorCodec {
 public:
  // `key` is the secret the cursors are signed with.
  explicit CursorCodec(std::string_view key) : key_(key) {}

  // The cursor for a position.
  std::string encode(std::string_view position) const;
  // The position inside a cursor; 400 INVALID_CURSOR when it was not made here.
  Result<std::string> decode(std::string_view cursor) const;

 private:
  HmacKey key_;
};

}  // namespace deltalabs
