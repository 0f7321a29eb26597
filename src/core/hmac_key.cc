#include "core/hmac_key.h"

#include <sodium.h>

namespace deltalabs {

struct HmacKey::State {
  crypto_auth_hmacsha256_state keyed;
};

HmacKey::HmacKey(std::string_view key) {
  auto state = std::make_shared<State>();
  crypto_auth_hmacsha256_init(&state->keyed, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  keyed_ = std::move(state);
}

std::string HmacKey::mac(std::string_view data) const {
  crypto_auth_hmacsha256_state state = keyed_->keyed;
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(data.data()),
                                data.size());
  std::string out(crypto_auth_hmacsha256_BYTES, '\0');
  crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(out.data()));
  sodium_memzero(&state, sizeof state);
  return out;
}

}  // namespace deltalabs
