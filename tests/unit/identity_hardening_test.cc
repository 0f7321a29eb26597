// The pure pieces behind the identity hardening: the email key every backend
// compares, the client address behind trusted proxies, and rate-limit
// budgets that only some outcomes spend.
#include <gtest/gtest.h>

#include "core/case_fold.h"
#include "http/rate_limiter.h"
#include "http/trusted_proxies.h"

namespace deltalabs {
namespace {

TEST(CaseFoldKeyTest, FoldsUnicodeCaseAndCompositionToOneKey) {
  const std::string key = case_fold_key(
      "\xc3\x84"
      "d\xc3\xa1@x.org");  // Ädá@x.org
  EXPECT_EQ(key,
            "\xc3\xa4"
            "d\xc3\xa1@x.org");  // ädá@x.org
  EXPECT_EQ(case_fold_key("\xc3\xa4"
                          "d\xc3\xa1@x.org"),
            key);
  EXPECT_EQ(case_fold_key("A\xcc\x88"
                          "d\xc3\xa1@X.ORG"),
            key);  // A + combining diaeresis
  EXPECT_EQ(case_fold_key("\xc3\x84"
                          "D\xc3\x81@X.Org"),
            key);  // ÄDÁ@X.Org
}

TEST(CaseFoldKeyTest, LowerCasesAsciiAndKeepsEverythingElse) {
  EXPECT_EQ(case_fold_key("Grace.Hopper+Navy@Example.COM"), "grace.hopper+navy@example.com");
  EXPECT_EQ(case_fold_key(""), "");
  EXPECT_NE(case_fold_key("anna@x.org"), case_fold_key("\xc3\xa4nna@x.org"));
}

TEST(TrustedProxiesTest, ParsesAddressesAndRangesOfBothFamilies) {
  auto proxies = http::TrustedProxies::parse({"10.0.0.0/8", " 192.168.1.7 ", "fd00::/8", "::1"});
  ASSERT_TRUE(proxies.ok());
  EXPECT_TRUE(proxies->trusts("10.200.3.4"));
  EXPECT_TRUE(proxies->trusts("192.168.1.7"));
  EXPECT_FALSE(proxies->trusts("192.168.1.8"));
  EXPECT_TRUE(proxies->trusts("fd12:3456::1"));
  EXPECT_TRUE(proxies->trusts("::1"));
  EXPECT_TRUE(proxies->trusts("::ffff:10.1.1.1"));  // IPv4-mapped peer of a dual-stack socket
  EXPECT_FALSE(proxies->trusts("11.0.0.1"));
  EXPECT_FALSE(proxies->trusts("not an address"));
}

TEST(TrustedProxiesTest, RefusesWhatIsNoAddressOrRange) {
  for (const char* bad : {"10.0.0.0/33", "fd00::/129", "10.0.0.1:80", "proxy.local", "10.0.0.0/",
                          "10.0.0.0/8x", "[::1]"}) {
    auto parsed = http::TrustedProxies::parse({bad});
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().code, "INVALID_TRUSTED_PROXY");
  }
}

TEST(TrustedProxiesTest, TakesTheRightMostUntrustedForwardedAddressOnlyFromATrustedPeer) {
  auto proxies = http::TrustedProxies::parse({"127.0.0.1", "10.0.0.0/8"});
  ASSERT_TRUE(proxies.ok());
  // Not from a proxy: the header is the client's own text.
  EXPECT_EQ(proxies->client_address("203.0.113.5", "198.51.100.1"), "203.0.113.5");
  EXPECT_EQ(proxies->client_address("127.0.0.1", ""), "127.0.0.1");
  EXPECT_EQ(proxies->client_address("127.0.0.1", "198.51.100.1"), "198.51.100.1");
  // What the client prepended is never believed.
  EXPECT_EQ(proxies->client_address("127.0.0.1", "1.2.3.4, 198.51.100.1"), "198.51.100.1");
  // Trusted hops are walked through; several headers read as one list.
  EXPECT_EQ(proxies->client_address("127.0.0.1", "198.51.100.1, 10.0.0.2,10.0.0.3"),
            "198.51.100.1");
  // Only trusted hops: the farthest one.
  EXPECT_EQ(proxies->client_address("127.0.0.1", "10.0.0.9, 10.0.0.2"), "10.0.0.9");
  // Garbage stops the walk at the hop that wrote it.
  EXPECT_EQ(proxies->client_address("127.0.0.1", "198.51.100.1, bogus, 10.0.0.2"), "10.0.0.2");
  // Ports and brackets as proxies write them; canonical text out.
  EXPECT_EQ(proxies->client_address("127.0.0.1", "[2001:DB8::1]:443"), "2001:db8::1");
  EXPECT_EQ(proxies->client_address("127.0.0.1", "198.51.100.1:5555"), "198.51.100.1");
  EXPECT_EQ(proxies->client_address("::ffff:127.0.0.1", "198.51.100.1"), "198.51.100.1");
}

TEST(TrustedProxiesTest, IgnoresTheHeaderWhenNothingIsTrusted) {
  auto none = http::TrustedProxies::parse({});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(none->client_address("127.0.0.1", "198.51.100.1"), "127.0.0.1");
}

TEST(RateLimiterTest, PeekDecidesWithoutSpending) {
  http::RateLimiter limiter;
  const http::RateLimitPolicy policy{"failures", 2, std::chrono::seconds(60)};
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.peek(policy, "k").allowed);
  EXPECT_TRUE(limiter.hit(policy, "k").allowed);
  EXPECT_EQ(limiter.peek(policy, "k").remaining, 1u);
  EXPECT_TRUE(limiter.hit(policy, "k").allowed);
  EXPECT_FALSE(limiter.peek(policy, "k").allowed);
  EXPECT_FALSE(limiter.hit(policy, "k").allowed);
  EXPECT_TRUE(limiter.peek(policy, "other").allowed);
}

}  // namespace
}  // namespace deltalabs
