// Routing: static segments beat parameters, unknown paths are 404 and known
// paths with the wrong method report the methods they allow (405).
#include <gtest/gtest.h>

#include "http/router.h"

namespace deltalabs::http {
namespace {

Router make_router() {
  Router r;
  auto ok = [](Request&) -> Result<Response> { return Response::no_content(); };
  r.add({.method = Method::kGet, .path = "/v1/users", .handler = ok});
  r.add({.method = Method::kGet, .path = "/v1/users/me", .handler = ok});
  r.add({.method = Method::kGet, .path = "/v1/users/:id", .handler = ok});
  r.add({.method = Method::kPatch, .path = "/v1/users/:id", .handler = ok});
  r.add(
      {.method = Method::kPost, .path = "/v1/roles/:id/permissions/:permissionId", .handler = ok});
  return r;
}

TEST(RouterTest, StaticSegmentsWinOverParameters) {
  const Router r = make_router();
  const auto m = r.match(Method::kGet, "/v1/users/me");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->path, "/v1/users/me");
  EXPECT_TRUE(m.params.empty());
}

TEST(RouterTest, ParametersAreCaptured) {
  const Router r = make_router();
  const auto m = r.match(Method::kPost, "/v1/roles/abc/permissions/def");
  ASSERT_NE(m.route, nullptr);
  ASSERT_EQ(m.params.size(), 2u);
  EXPECT_EQ(m.params[0].first, "id");
  EXPECT_EQ(m.params[0].second, "abc");
  EXPECT_EQ(m.params[1].second, "def");
}

TEST(RouterTest, UnknownPathsAreNotKnown) {
  const Router r = make_router();
  for (const char* p : {"/v1/nothing", "/v1/users/a/b", "/v1//users", "/", "/v1/users/"}) {
    const auto m = r.match(Method::kGet, p);
    EXPECT_EQ(m.route, nullptr) << p;
    EXPECT_FALSE(m.path_known) << p;
  }
}

TEST(RouterTest, WrongMethodListsAllowedMethods) {
  const Router r = make_router();
  const auto m = r.match(Method::kDelete, "/v1/users/42");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  EXPECT_EQ(m.allowed, (std::vector<Method>{Method::kGet, Method::kPatch}));
}

TEST(RouterTest, HeadFallsBackToGet) {
  const Router r = make_router();
  const auto m = r.match(Method::kHead, "/v1/users");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->method, Method::kGet);
}

TEST(RouterTest, DuplicateRoutesAreRejected) {
  Router r = make_router();
  EXPECT_THROW(r.add({.method = Method::kGet, .path = "/v1/users"}), std::logic_error);
}

}  // namespace
}  // namespace deltalabs::http
