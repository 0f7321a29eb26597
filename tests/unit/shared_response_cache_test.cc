// SharedResponseCache: only a GET of a shared_cache route whose answer does
// not depend on the caller (a public route, or no Authorization header) is
// shared; a hit is served and not stored again; only 200s are stored; any
// request but GET, HEAD and OPTIONS invalidates; a TTL of 0 turns it off.
// Such a write that may have committed (not a 4xx) is published on the
// cache's bus for the other instances, and invalidate() (what a signal from
// another instance calls) drops every entry (decision 0029).
// Pipeline::handle(req, match) runs the route it is given without matching again.

#include "http/shared_response_cache.h"

#include <gtest/gtest.h>

#include "http/pipeline.h"
#include "http/route.h"

namespace deltalabs::http {
namespace {

Request get(const Route& route, const char* path, const char* query = "") {
  Request req;
  req.method = route.method;
  req.path = path;
  req.query_string = query;
  req.route = &route;
  return req;
}

Response body(const std::string& text) { return Response::text(200, text, "application/json"); }

Route shared_route(Access access) {
  return Route{
      .method = Method::kGet, .path = "/v1/courses", .access = access, .shared_cache = true};
}

TEST(SharedResponseCache, ServesAStored200ToTheNextCaller) {
  SharedResponseCache cache(std::chrono::seconds(60));
  const Route route = shared_route(Access::kOptionalAuth);
  const Request req = get(route, "/v1/courses", "limit=5");
  SharedCacheTicket first = cache.open(req);
  EXPECT_TRUE(first.shareable);
  EXPECT_FALSE(first.hit);
  EXPECT_EQ(first.key, "/v1/courses?limit=5");
  cache.close(req, first, body("one"));
  SharedCacheTicket second = cache.open(req);
  ASSERT_TRUE(second.hit);
  EXPECT_EQ(second.response->body, "one");
  EXPECT_FALSE(cache.open(get(route, "/v1/courses", "limit=6")).hit);
}

TEST(SharedResponseCache, SharesNothingThatDependsOnTheCaller) {
  SharedResponseCache cache(std::chrono::seconds(60));
  const Route optional = shared_route(Access::kOptionalAuth);
  Request signed_in = get(optional, "/v1/courses");
  signed_in.headers = {{"Authorization", "Bearer x"}};
  EXPECT_FALSE(cache.open(signed_in).shareable);
  const Route pub = shared_route(Access::kPublic);
  Request token_on_public = get(pub, "/v1/courses");
  token_on_public.headers = {{"Authorization", "Bearer x"}};
  EXPECT_TRUE(cache.open(token_on_public).shareable);
  Route unmarked = shared_route(Access::kPublic);
  unmarked.shared_cache = false;
  EXPECT_FALSE(cache.open(get(unmarked, "/v1/courses")).shareable);
  SharedResponseCache off(std::chrono::milliseconds(0));
  EXPECT_FALSE(off.open(get(pub, "/v1/courses")).shareable);
}

TEST(SharedResponseCache, StoresOnly200sAndForgetsEverythingAfterAWrite) {
  SharedResponseCache cache(std::chrono::seconds(60));
  const Route route = shared_route(Access::kPublic);
  const Request req = get(route, "/v1/courses");
  cache.close(req, cache.open(req), Response::text(404, "gone", "application/json"));
  EXPECT_FALSE(cache.open(req).hit);
  cache.close(req, cache.open(req), body("one"));
  EXPECT_TRUE(cache.open(req).hit);
  const Route post{.method = Method::kPost, .path = "/v1/courses"};
  const Request write = get(post, "/v1/courses");
  cache.close(write, cache.open(write), Response::no_content());
  EXPECT_FALSE(cache.open(req).hit);
}

TEST(SharedResponseCache, DropsAnAnswerComputedAcrossAWrite) {
  SharedResponseCache cache(std::chrono::seconds(60));
  const Route route = shared_route(Access::kPublic);
  const Request req = get(route, "/v1/courses");
  const SharedCacheTicket before = cache.open(req);
  const Route post{.method = Method::kPost, .path = "/v1/courses"};
  const Request write = get(post, "/v1/courses");
  cache.close(write, cache.open(write), Response::no_content());
  cache.close(req, before, body("stale"));
  EXPECT_FALSE(cache.open(req).hit);
}

// Counts what the cache publishes to the other instances.
class CountingBus final : public CacheInvalidationBus {
 public:
  void publish() override { ++published; }
  int published = 0;
};

TEST(SharedResponseCache, PublishesWritesThatMayHaveCommittedAndDropsAllOnASignal) {
  SharedResponseCache cache(std::chrono::seconds(60));
  CountingBus bus;
  cache.set_bus(&bus);
  const Route route = shared_route(Access::kPublic);
  const Request req = get(route, "/v1/courses");
  cache.close(req, cache.open(req), body("one"));
  EXPECT_EQ(bus.published, 0);
  const Route post{.method = Method::kPost, .path = "/v1/courses"};
  const Request write = get(post, "/v1/courses");
  cache.close(write, cache.open(write), Response::text(422, "no", "application/json"));
  EXPECT_EQ(bus.published, 0);  // a 4xx rolled back: nothing for the others to drop
  cache.close(write, cache.open(write), Response::no_content());
  EXPECT_EQ(bus.published, 1);
  cache.close(req, cache.open(req), body("two"));
  ASSERT_TRUE(cache.open(req).hit);
  cache.invalidate();
  EXPECT_FALSE(cache.open(req).hit);
}

TEST(PipelineMatch, HandleRunsTheRouteItIsGivenWithoutMatchingAgain) {
  Router router;
  router.add({.method = Method::kGet, .path = "/v1/a", .handler = [](Request&) -> Result<Response> {
                return body("a");
              }});
  router.add({.method = Method::kGet,
              .path = "/v1/b/:id",
              .handler = [](Request& req) -> Result<Response> {
                return body("b " + std::string(req.param("id")));
              }});
  Metrics metrics;
  Pipeline pipeline(router, metrics, PipelineOptions{{}, false});
  Request req;
  req.method = Method::kGet;
  req.method_text = "GET";
  req.path = "/v1/b/7";
  RouteMatch match = pipeline.match(req);
  ASSERT_NE(match.route, nullptr);
  EXPECT_FALSE(Pipeline::is_blocking(match));
  req.path = "/v1/a";  // handle() must not look at the path again
  EXPECT_EQ(pipeline.handle(req, std::move(match)).body, "b 7");
  Request unknown;
  unknown.method = Method::kGet;
  unknown.method_text = "GET";
  unknown.path = "/v1/nowhere";
  EXPECT_EQ(pipeline.handle(unknown).status, 404);
}

}  // namespace
}  // namespace deltalabs::http
