// Core value types: ids, time, tokens. These are the building blocks every
// domain relies on, so their contracts are pinned here.
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/hmac_key.h"
#include "core/uuid.h"

namespace deltalabs {
namespace {

class CoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { crypto_init(); }
};

TEST_F(CoreTest, UuidV7IsCanonicalVersion7AndSortsInCreationOrder) {
  std::string previous;
  std::set<std::string> seen;
  std::set<std::string> random_tails;  // ids draw their random bytes from blocks of 512 ids
  for (int i = 0; i < 5000; ++i) {
    const std::string id = new_uuid_v7();
    random_tails.insert(id.substr(19));
    ASSERT_TRUE(is_uuid(id)) << id;
    EXPECT_EQ(id[14], '7') << id;
    EXPECT_TRUE(id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b') << id;
    EXPECT_LT(previous, id);
    previous = id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 5000u);
  EXPECT_EQ(random_tails.size(), 5000u);
}

TEST_F(CoreTest, IsUuidRejectsNearMisses) {
  EXPECT_FALSE(is_uuid(""));
  EXPECT_FALSE(is_uuid("0190a0b0-0000-7000-8000-00000000000"));
  EXPECT_FALSE(is_uuid("0190a0b0-0000-7000-8000-00000000000g"));
  EXPECT_FALSE(is_uuid("0190a0b0x0000-7000-8000-000000000000"));
  EXPECT_TRUE(is_uuid("0190A0B0-0000-7000-8000-000000000000"));
}

TEST_F(CoreTest, Rfc3339RoundTripsWithFixedWidth) {
  const auto t = parse_rfc3339("2026-11-24T09:30:00.123Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(format_rfc3339(*t), "2026-11-24T09:30:00.123Z");
  EXPECT_EQ(format_rfc3339(*parse_rfc3339("2026-11-24T10:30:00+01:00")),
            "2026-11-24T09:30:00.000Z");
}

TEST_F(CoreTest, Rfc3339RejectsMalformedText) {
  for (const char* bad :
       {"", "2026-11-24", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-24T09:30:00",
        "2026-11-24T25:00:00Z", "2026-11-24T09:30:00.Z", "2026-11-24T09:30:00Zjunk"}) {
    EXPECT_FALSE(parse_rfc3339(bad).has_value()) << bad;
  }
}

TEST_F(CoreTest, Base64UrlRoundTripsAndRejectsOtherAlphabets) {
  const std::string data("\x00\xff\xfe binary", 10);
  const auto encoded = base64url_encode(data);
  EXPECT_EQ(encoded.find('='), std::string::npos);
  ASSERT_TRUE(base64url_decode(encoded).ok());
  EXPECT_EQ(base64url_decode(encoded).value(), data);
  EXPECT_FALSE(base64url_decode("ab+/").ok());
}

TEST_F(CoreTest, PublicBase64UrlDecoderAgreesWithTheConstantTimeOne) {
  // Every length 0..40 of every byte value, and the inputs either must refuse.
  for (std::size_t n = 0; n <= 40; ++n) {
    std::string data;
    for (std::size_t i = 0; i < n; ++i) data.push_back(static_cast<char>((i * 37 + n) & 0xFF));
    const auto encoded = base64url_encode(data);
    ASSERT_TRUE(base64url_decode_public(encoded).ok()) << encoded;
    EXPECT_EQ(base64url_decode_public(encoded).value(), data);
  }
  for (const char* bad : {"ab+/", "abc=", "a", "abcde", "ab c", "ab\xff", "QR"}) {
    EXPECT_EQ(base64url_decode_public(bad).ok(), base64url_decode(bad).ok()) << bad;
    EXPECT_FALSE(base64url_decode_public(bad).ok()) << bad;
  }
}

TEST_F(CoreTest, TokensAreRandomAndHashesStable) {
  EXPECT_NE(random_token(), random_token());
  EXPECT_EQ(random_token(32).size(), 43u);
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(constant_time_equal("same", "same"));
  EXPECT_FALSE(constant_time_equal("same", "sane"));
  EXPECT_FALSE(constant_time_equal("short", "longer"));
}

// HmacKey precomputes the keyed states; its MACs must be hmac_sha256's, for
// short keys and for keys longer than a block (which HMAC hashes first).
TEST_F(CoreTest, HmacKeyMacsEqualHmacSha256) {
  const std::string rfc4231_case2 = HmacKey("Jefe").mac("what do ya want for nothing?");
  std::string hex;
  for (const unsigned char c : rfc4231_case2) {
    hex += "0123456789abcdef"[c >> 4];
    hex += "0123456789abcdef"[c & 15];
  }
  EXPECT_EQ(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  const std::string long_key(131, 'k');
  const HmacKey key(long_key);
  for (const std::string& data : std::vector<std::string>{"", "a", std::string(200, 'x')}) {
    EXPECT_EQ(key.mac(data), hmac_sha256(long_key, data));
    EXPECT_EQ(key.mac(data), key.mac(data));  // the shared state is not consumed
  }
}

}  // namespace
}  // namespace deltalabs
