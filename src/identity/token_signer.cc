#include "identity/token_signer.h"

#include <boost/json.hpp>

#include "core/crypto.h"
#include "core/uuid.h"

namespace deltalabs::identity {

namespace {

// Clock skew tolerated between servers for exp and nbf.
constexpr std::int64_t kLeewaySeconds = 5;

Error invalid_token() {
  return Error::unauthorized("The access token is not valid.", "INVALID_TOKEN");
}

std::string sign(std::string_view secret, std::string_view signing_input) {
  return base64url_encode(hmac_sha256(secret, signing_input));
}

std::optional<boost::json::object> decode_json_part(std::string_view part) {
  auto raw = base64url_decode_public(part);
  if (!raw.ok()) return std::nullopt;
  boost::system::error_code ec;
  auto v = boost::json::parse(*raw, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

const boost::json::string* string_claim(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr ? v->if_string() : nullptr;
}

std::optional<std::int64_t> int_claim(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64()) return static_cast<std::int64_t>(v->get_uint64());
  return std::nullopt;
}

bool audience_matches(const boost::json::object& payload, const std::string& audience) {
  const auto* aud = payload.if_contains("aud");
  if (aud == nullptr) return false;
  if (aud->is_string()) return aud->get_string() == audience;
  if (aud->is_array()) {
    for (const auto& a : aud->get_array()) {
      if (a.is_string() && a.get_string() == audience) return true;
    }
  }
  return false;
}

}  // namespace

TokenSigner::TokenSigner(std::vector<SigningKey> keys, std::string issuer, std::string audience,
                         std::chrono::seconds ttl)
    : keys_(std::move(keys)),
      issuer_(std::move(issuer)),
      audience_(std::move(audience)),
      ttl_(ttl) {}

Result<std::vector<SigningKey>> TokenSigner::parse_keys(std::string_view text) {
  std::vector<SigningKey> keys;
  if (text.empty()) {
    keys.push_back({"ephemeral", random_token(32)});
    return keys;
  }
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    const auto colon = item.find(':');
    if (colon == std::string_view::npos || colon == 0 || item.size() - colon - 1 < 16) {
      return Error::bad_request(
          "INVALID_JWT_KEYS",
          "JWT keys are kid:secret pairs separated by commas; secrets have 16+ characters.");
    }
    keys.push_back({std::string(item.substr(0, colon)), std::string(item.substr(colon + 1))});
  }
  return keys;
}

std::string TokenSigner::issue(const std::string& user_id, const std::string& session_id) const {
  const SigningKey& key = keys_.front();
  const std::int64_t now_s = unix_seconds(now());
  const boost::json::object header{{"alg", "HS256"}, {"typ", "JWT"}, {"kid", key.kid}};
  const boost::json::object payload{
      {"iss", issuer_},      {"aud", audience_}, {"sub", user_id}, {"sid", session_id},
      {"typ", "access"},     {"iat", now_s},     {"nbf", now_s},   {"exp", now_s + ttl_.count()},
      {"jti", new_uuid_v7()}};
  const std::string input = base64url_encode(boost::json::serialize(header)) + "." +
                            base64url_encode(boost::json::serialize(payload));
  return input + "." + sign(key.secret, input);
}

Result<AccessClaims> TokenSigner::verify(std::string_view token) const {
  if (token.size() > 4096) return invalid_token();
  const auto first = token.find('.');
  const auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return invalid_token();
  }
  const auto header = decode_json_part(token.substr(0, first));
  if (!header) return invalid_token();
  const auto* alg = string_claim(*header, "alg");
  const auto* kid = string_claim(*header, "kid");
  if (alg == nullptr || *alg != "HS256" || kid == nullptr) return invalid_token();
  const SigningKey* key = nullptr;
  for (const auto& k : keys_) {
    if (k.kid == *kid) key = &k;
  }
  if (key == nullptr) return invalid_token();
  const std::string_view input = token.substr(0, second);
  if (!constant_time_equal(sign(key->secret, input), token.substr(second + 1)))
    return invalid_token();

  const auto payload = decode_json_part(token.substr(first + 1, second - first - 1));
  if (!payload) return invalid_token();
  const auto* typ = string_claim(*payload, "typ");
  const auto* iss = string_claim(*payload, "iss");
  const auto* sub = string_claim(*payload, "sub");
  const auto* sid = string_claim(*payload, "sid");
  const auto exp = int_claim(*payload, "exp");
  const auto nbf = int_claim(*payload, "nbf");
  if (typ == nullptr || *typ != "access" || iss == nullptr || *iss != issuer_ ||
      !audience_matches(*payload, audience_) || sub == nullptr || !is_uuid(*sub) ||
      sid == nullptr || !is_uuid(*sid) || !exp || !nbf) {
    return invalid_token();
  }
  const std::int64_t now_s = unix_seconds(now());
  // Compared on the side of `now` so extreme claim values cannot overflow.
  if (*exp <= now_s - kLeewaySeconds)
    return Error::unauthorized("The access token has expired.", "TOKEN_EXPIRED");
  if (*nbf > now_s + kLeewaySeconds) return invalid_token();
  // This signer never issues a token that lives longer than its TTL; a later
  // expiry means a key leaked or a configuration shrank the TTL: refuse it.
  if (*exp > now_s + ttl_.count() + kLeewaySeconds) return invalid_token();
  return AccessClaims{std::string(*sub), std::string(*sid), TimePoint(std::chrono::seconds(*exp))};
}

}  // namespace deltalabs::identity
