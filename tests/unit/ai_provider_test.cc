// The assistant's providers without a server: the builtin provider's steps
// (it must be deterministic: the same conversation, the same calls; its
// intents are checked in intent_parser_test.cc), and the openai-compatible
// provider's request and reply formats.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "ai/builtin_provider.h"
#include "ai/openai_provider.h"

namespace deltalabs::ai {
namespace {

TEST(BuiltinProvider, SaysSoWhenTheToolAnIntentNeedsIsNotOffered) {
  BuiltinProvider p;
  auto reply = p.complete({{"user", "book the chemistry lab tomorrow at 10", {}, {}, {}}}, {});
  ASSERT_TRUE(reply.ok());
  EXPECT_TRUE(reply->tool_calls.empty());
  EXPECT_EQ(reply->content, "I cannot book labs here yet.");
}

std::vector<ProviderMessage> conversation(std::string prompt) {
  return {{"system", "s", {}, {}, {}}, {"user", std::move(prompt), {}, {}, {}}};
}

TEST(BuiltinProvider, FindsACourseByTitleThenActsOnItsIdThenAnswersFromTheResult) {
  BuiltinProvider p;
  auto messages = conversation("enroll me in Optics");
  auto first = p.complete(messages, {});
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->tool_calls.size(), 1u);
  EXPECT_EQ(first->tool_calls[0].name, "search_courses");
  messages.push_back({"assistant", "", first->tool_calls, {}, {}});
  messages.push_back({"tool",
                      R"({"courses":[{"id":"a","title":"Optics II"},{"id":"b","title":"optics"}]})",
                      {},
                      "call_1",
                      "search_courses"});
  auto second = p.complete(messages, {});
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->tool_calls.size(), 1u);
  EXPECT_EQ(second->tool_calls[0].name, "enroll_in_course");
  EXPECT_EQ(second->tool_calls[0].arguments, R"({"course_id":"b"})");  // the exact title wins
  messages.push_back({"assistant", "", second->tool_calls, {}, {}});
  messages.push_back(
      {"tool",
       R"({"error":{"status":402,"code":"PAYMENT_REQUIRED","message":"Pay first."}})",
       {},
       "call_2",
       "enroll_in_course"});
  auto third = p.complete(messages, {});
  ASSERT_TRUE(third.ok());
  EXPECT_TRUE(third->tool_calls.empty());
  EXPECT_EQ(third->content, "I could not enroll you in optics: Pay first.");
  EXPECT_GT(third->tokens, 0);
}

TEST(OpenAiProvider, ReadsToolCallsWithTheirArgumentTextAsSent) {
  auto reply =
      OpenAiProvider::parse_reply(R"({"choices":[{"message":{"role":"assistant","content":null,
      "tool_calls":[{"id":"x1","type":"function","function":{"name":"list_courses","arguments":"{\"limit\": "}},
                    {"type":"function","function":{"name":"navigate_to_route","arguments":{"route":"/"}}}]}}],
      "usage":{"total_tokens":42}})");
  ASSERT_TRUE(reply.ok());
  ASSERT_EQ(reply->tool_calls.size(), 2u);
  EXPECT_EQ(reply->tool_calls[0].id, "x1");
  EXPECT_EQ(reply->tool_calls[0].arguments, "{\"limit\": ");
  EXPECT_EQ(reply->tool_calls[1].id, "call_2");
  EXPECT_EQ(reply->tool_calls[1].arguments, R"({"route":"/"})");
  EXPECT_EQ(reply->tokens, 42);
}

TEST(OpenAiProvider, ABodyThatIsNotACompletionIsUnavailableNotInternal) {
  for (const char* body : {"", "[]", R"({"choices":[]})", R"({"choices":[{"message":1}]})"}) {
    auto reply = OpenAiProvider::parse_reply(body);
    ASSERT_FALSE(reply.ok()) << body;
    EXPECT_EQ(reply.error().code, "AI_PROVIDER_UNAVAILABLE") << body;
    EXPECT_EQ(reply.error().kind, ErrorKind::kUnavailable) << body;
  }
}

TEST(OpenAiProvider, OffersToolsAsFunctionsAndPairsResultsWithTheirCalls) {
  OpenAiProvider p({"http://127.0.0.1:1/v1", "m", "", std::chrono::milliseconds(100)});
  Tool tool{"list_courses", "List", BodySchema{field::integer("limit")}, nullptr};
  std::vector<ProviderMessage> messages{{"user", "hi", {}, {}, {}},
                                        {"assistant", "", {{"c1", "list_courses", "{}"}}, {}, {}},
                                        {"tool", "{}", {}, "c1", "list_courses"}};
  auto body = boost::json::parse(p.request_body(messages, {tool})).as_object();
  EXPECT_EQ(body.at("model"), "m");
  EXPECT_EQ(body.at("tools").at(0).at("function").at("name"), "list_courses");
  EXPECT_EQ(body.at("tools").at(0).at("function").at("parameters").at("type"), "object");
  EXPECT_TRUE(body.at("messages").at(1).at("content").is_null());
  EXPECT_EQ(body.at("messages").at(2).at("tool_call_id"), "c1");
}

}  // namespace
}  // namespace deltalabs::ai
