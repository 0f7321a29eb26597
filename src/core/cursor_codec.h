#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace deltalabs {

// Seals pagination positions into opaque cursors: base64url(payload) + "." +
// a truncated HMAC, so clients cannot forge or edit a position.
class CursorCodec {
 public:
  // `key` is the secret the cursors are signed with.
  explicit CursorCodec(std::string key) : key_(std::move(key)) {}

  // The cursor for a position.
  std::string encode(std::string_view position) const;
  // The position inside a cursor; 400 INVALID_CURSOR when it was not made here.
  Result<std::string> decode(std::string_view cursor) const;

 private:
  std::string key_;
};

}  // namespace deltalabs
