#include "core/cursor_codec.h"

#include "core/crypto.h"

namespace deltalabs {

namespace {
constexpr std::size_t kTagBytes = 16;
}

std::string CursorCodec::encode(std::string_view position) const {
  return base64url_encode(position) + "." +
         base64url_encode(key_.mac(position).substr(0, kTagBytes));
}

Result<std::string> CursorCodec::decode(std::string_view cursor) const {
  const Error invalid =
      Error::bad_request("INVALID_CURSOR", "The cursor is not valid; start again without one.");
  const auto dot = cursor.find('.');
  if (dot == std::string_view::npos || cursor.size() > 1024) return invalid;
  auto position = base64url_decode(cursor.substr(0, dot));
  auto tag = base64url_decode(cursor.substr(dot + 1));
  if (!position.ok() || !tag.ok()) return invalid;
  if (!constant_time_equal(*tag, key_.mac(*position).substr(0, kTagBytes))) return invalid;
  return std::move(position).value();
}

}  // namespace deltalabs
