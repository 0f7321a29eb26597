// RouteGroup and http::call (issue 19): a group fills its tag and access into
// the routes that leave them at their defaults and keeps what a route sets;
// the verb methods set the route's method; a bound call passes the caller,
// the path parameters and the body read by the route's own schema, in that
// order, to the service member, and the answer is rendered with the shape.
#include "http/route_group.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

#include "http/router.h"

namespace deltalabs::http {
namespace {

struct Note {
  std::string id;
  std::string text;
};

struct NoteInput {
  std::string text;
};

const JsonShape<Note>& note_shape() {
  static const JsonShape<Note> shape(
      "Note", {{"id", schema::string(), &Note::id}, {"text", schema::string(), &Note::text}});
  return shape;
}

const BodySchema& note_body() {
  static const BodySchema schema{field::string("text", 100).required().into(&NoteInput::text)};
  return schema;
}

// Records what the bound calls pass it.
struct Notes {
  std::string caller;
  Result<Note> rename(const Actor& actor, const std::string& id, const NoteInput& in) {
    caller = actor.user_id;
    return Note{id, in.text};
  }
  Result<Note> retitle(const Actor& actor, const std::string& id, const std::string& text) {
    caller = actor.user_id;
    return Note{id, text};
  }
  Result<Note> get(const Actor& actor, const std::string& id) {
    caller = actor.user_id;
    return Note{id, "found"};
  }
};

// Runs the route at `path` as the pipeline would after matching it.
Response run(const Router& router, Method method, std::string_view path, std::string body_json) {
  const auto m = router.match(method, path);
  EXPECT_NE(m.route, nullptr);
  Request req;
  req.method = method;
  req.path = path;
  req.route = m.route;
  req.path_params = m.params;
  req.actor = Actor{.user_id = "u1"};
  if (!body_json.empty()) req.json = boost::json::parse(body_json);
  auto answer = m.route->handler(req);
  if (!answer.ok()) {
    ADD_FAILURE() << answer.error().code;
    return Response{};
  }
  return *answer;
}

TEST(RouteGroupTest, FillsTagAndAccessOnlyWhereTheRouteLeavesTheDefaults) {
  Router router;
  const RouteGroup g(router, "Notes");
  Notes notes;
  g.get({.path = "/v1/notes/:id"}, note_shape(), call(notes, &Notes::get, id));
  g.get({.path = "/v1/notes/:id/text", .tag = "Other", .access = Access::kOptionalAuth},
        note_shape(), call(notes, &Notes::get, id));
  g.with(Access::kPublic)
      .get({.path = "/v1/public-notes/:id"}, note_shape(), call(notes, &Notes::get, id));
  const auto& routes = router.routes();
  ASSERT_EQ(routes.size(), 3u);
  EXPECT_EQ(routes[0].tag, "Notes");
  EXPECT_EQ(routes[0].access, Access::kAuthenticated);
  EXPECT_EQ(routes[1].tag, "Other");
  EXPECT_EQ(routes[1].access, Access::kOptionalAuth);
  EXPECT_EQ(routes[2].access, Access::kPublic);
  EXPECT_TRUE(routes[0].returns.has_value());
}

TEST(RouteGroupTest, VerbMethodsSetTheMethod) {
  Router router;
  const RouteGroup g(router, "Notes");
  Notes notes;
  g.patch({.path = "/v1/notes/:id", .body = json_body(note_body())}, note_shape(),
          call(notes, &Notes::rename, id, body_as<NoteInput>));
  g.del({.path = "/v1/notes/:id", .responses = {204}}, [](Request&) { return Status{}; });
  EXPECT_EQ(router.routes()[0].method, Method::kPatch);
  EXPECT_EQ(router.routes()[1].method, Method::kDelete);
}

TEST(RouteGroupTest, BoundCallPassesCallerPathParameterAndBodyAndRendersTheAnswer) {
  Router router;
  const RouteGroup g(router, "Notes");
  Notes notes;
  g.post({.path = "/v1/notes/:id/rename", .body = json_body(note_body()), .responses = {201}},
         note_shape(), call(notes, &Notes::retitle, id, body_field(&NoteInput::text)));
  const Response r = run(router, Method::kPost, "/v1/notes/n7/rename", R"({"text":"hello"})");
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(notes.caller, "u1");
  EXPECT_EQ(boost::json::parse(r.body), boost::json::parse(R"({"id":"n7","text":"hello"})"));
}

TEST(RouteGroupTest, CreateAnswersLocationFromThePrefixAndTheId) {
  Router router;
  const RouteGroup g(router, "Notes");
  Notes notes;
  g.create({.path = "/v1/notes/:id/copies", .body = json_body(note_body())}, note_shape(),
           call(notes, &Notes::rename, id, body_as<NoteInput>), "/v1/notes/");
  const Response r = run(router, Method::kPost, "/v1/notes/n8/copies", R"({"text":"x"})");
  EXPECT_EQ(r.status, 201);
  ASSERT_FALSE(r.headers.empty());
  EXPECT_EQ(r.headers.back().first, "Location");
  EXPECT_EQ(r.headers.back().second, "/v1/notes/n8");
}

}  // namespace
}  // namespace deltalabs::http
