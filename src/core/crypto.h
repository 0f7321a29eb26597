#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace deltalabs {

// Initialises libsodium; call once before any other function here.
void crypto_init();

// `bytes` random bytes as unpadded base64url text.
std::string random_token(std::size_t bytes = 32);

// SHA-256 of `data` as lowercase hex; used to store tokens without storing them.
std::string sha256_hex(std::string_view data);

// HMAC-SHA-256 of `data` under `key`, raw 32 bytes.
std::string hmac_sha256(std::string_view key, std::string_view data);

// Constant-time equality of two byte strings.
bool constant_time_equal(std::string_view a, std::string_view b);

// Unpadded base64url encoding and decoding (decoding fails on any other alphabet).
std::string base64url_encode(std::string_view data);
Result<std::string> base64url_decode(std::string_view text);
// The same decoding in variable time, for data that is not secret (a JWT's
// header and claims, which travel in the clear): several times faster than
// the constant-time decoder on the hot path of every signed-in request.
Result<std::string> base64url_decode_public(std::string_view text);

}  // namespace deltalabs
