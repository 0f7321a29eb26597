// ResponseCache: a shared response counts only under the generation it was
// computed in and only within its TTL, so a write in this process is seen
// at once and a write elsewhere within one TTL.

#include "http/response_cache.h"

#include <gtest/gtest.h>

#include <thread>

namespace deltalabs::http {
namespace {

Response body(const std::string& text) { return Response::text(200, text, "application/json"); }

TEST(ResponseCache, ServesAStoredResponseUntilAWriteInvalidatesIt) {
  ResponseCache cache(std::chrono::seconds(60));
  const auto g = cache.generation();
  cache.store("/v1/courses?", g, body("one"));
  ASSERT_TRUE(cache.find("/v1/courses?").has_value());
  EXPECT_EQ(cache.find("/v1/courses?")->body, "one");
  EXPECT_FALSE(cache.find("/v1/courses?limit=5").has_value());
  cache.invalidate();
  EXPECT_FALSE(cache.find("/v1/courses?").has_value());
}

TEST(ResponseCache, FailsToStoreAResponseComputedBeforeAWrite) {
  ResponseCache cache(std::chrono::seconds(60));
  const auto before = cache.generation();
  cache.invalidate();  // a write committed while the response was being computed
  cache.store("/v1/courses?", before, body("stale"));
  EXPECT_FALSE(cache.find("/v1/courses?").has_value());
}

TEST(ResponseCache, ForgetsAResponseAfterItsTtl) {
  ResponseCache cache(std::chrono::milliseconds(20));
  cache.store("/v1/courses?", cache.generation(), body("one"));
  EXPECT_TRUE(cache.find("/v1/courses?").has_value());
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  EXPECT_FALSE(cache.find("/v1/courses?").has_value());
}

TEST(ResponseCache, StaysWithinItsByteBound) {
  // Room for three entries of a one-character key and a one-byte body.
  ResponseCache cache(std::chrono::seconds(60), 6);
  for (int i = 0; i < 4; ++i) cache.store(std::to_string(i), cache.generation(), body("x"));
  int kept = 0;
  for (int i = 0; i < 4; ++i) kept += cache.find(std::to_string(i)).has_value() ? 1 : 0;
  EXPECT_LE(kept, 3);
  EXPECT_TRUE(cache.find("3").has_value());
}

}  // namespace
}  // namespace deltalabs::http
