// RateLimits: named policies over one limiter, shared by the pipeline (per
// route and address) and handlers (per account or user). An unknown policy or
// a limit of 0 never limits and reports nothing; a refusal is 429
// RATE_LIMITED with the RateLimit, X-RateLimit-* and Retry-After headers;
// exhausted() only looks, count() always counts and never refuses. With a
// store set (the database's counters on PostgreSQL, decision 0029) every
// verdict comes from that store: hit and count count, exhausted only peeks.

#include "http/rate_limits.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace deltalabs::http {
namespace {

std::string header_of(const RateLimitHeaders& headers, const std::string& name) {
  const auto it =
      std::find_if(headers.begin(), headers.end(), [&](const auto& h) { return h.first == name; });
  return it == headers.end() ? std::string() : it->second;
}

Request request_with_id() {
  Request req;
  req.request_id = "req-1";
  return req;
}

TEST(RateLimits, UnknownOrOffPoliciesNeverLimitAndReportNothing) {
  RateLimits limits;
  limits.set_policy({"off", 0, std::chrono::seconds(60)});
  const Request req = request_with_id();
  for (const char* name : {"off", "unknown"}) {
    for (int i = 0; i < 5; ++i) {
      const RateLimitOutcome o = limits.hit(name, "k");
      EXPECT_TRUE(o.decision.allowed);
      EXPECT_TRUE(o.headers.empty());
      EXPECT_FALSE(limits.limit(req, name, "k").has_value());
      EXPECT_FALSE(limits.exhausted(req, name, "k").has_value());
      EXPECT_TRUE(limits.count(name, "k").empty());
    }
  }
  EXPECT_EQ(limits.policy("unknown"), nullptr);
  ASSERT_NE(limits.policy("off"), nullptr);
}

TEST(RateLimits, HitReportsTheBudgetAndRefusesPastTheLimit) {
  RateLimits limits;
  limits.set_policy({"p", 2, std::chrono::seconds(60)});
  RateLimitOutcome first = limits.hit("p", "k");
  EXPECT_TRUE(first.decision.allowed);
  EXPECT_EQ(header_of(first.headers, "RateLimit-Policy"), "\"p\";q=2;w=60");
  EXPECT_EQ(header_of(first.headers, "X-RateLimit-Limit"), "2");
  EXPECT_EQ(header_of(first.headers, "X-RateLimit-Remaining"), "1");
  EXPECT_TRUE(header_of(first.headers, "Retry-After").empty());
  EXPECT_TRUE(limits.hit("p", "k").decision.allowed);
  const RateLimitOutcome refused = limits.hit("p", "k");
  EXPECT_FALSE(refused.decision.allowed);
  EXPECT_EQ(header_of(refused.headers, "X-RateLimit-Remaining"), "0");
  EXPECT_FALSE(header_of(refused.headers, "Retry-After").empty());
  EXPECT_TRUE(limits.hit("p", "other key").decision.allowed);
}

TEST(RateLimits, LimitAnswers429WithItsHeadersOnlyWhenRefused) {
  RateLimits limits;
  limits.set_policy({"p", 1, std::chrono::seconds(60)});
  const Request req = request_with_id();
  EXPECT_FALSE(limits.limit(req, "p", "k").has_value());
  const auto r = limits.limit(req, "p", "k");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 429);
  EXPECT_NE(r->body.find("RATE_LIMITED"), std::string::npos);
  EXPECT_NE(r->body.find("Too many requests; retry after "), std::string::npos);
  EXPECT_EQ(header_of(r->headers, "RateLimit"),
            "\"p\";r=0;t=" + header_of(r->headers, "Retry-After"));
  EXPECT_EQ(header_of(r->headers, "X-RateLimit-Limit"), "1");
}

TEST(RateLimits, ExhaustedLooksAndCountSpendsWithoutRefusing) {
  RateLimits limits;
  limits.set_policy({"failures", 2, std::chrono::seconds(60)});
  const Request req = request_with_id();
  EXPECT_FALSE(limits.exhausted(req, "failures", "a").has_value());
  EXPECT_FALSE(limits.exhausted(req, "failures", "a").has_value());  // looking spends nothing
  EXPECT_EQ(header_of(limits.count("failures", "a"), "X-RateLimit-Remaining"), "1");
  const RateLimitHeaders last = limits.count("failures", "a");
  EXPECT_EQ(header_of(last, "X-RateLimit-Remaining"), "0");
  EXPECT_TRUE(header_of(last, "Retry-After").empty());  // the attempt was not refused
  const auto r = limits.exhausted(req, "failures", "a");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 429);
  EXPECT_FALSE(header_of(r->headers, "Retry-After").empty());
}

TEST(RateLimits, RefusalNamesWhatWasLimited) {
  const Error e = RateLimits::refusal({false, 3, 0, 0}, "assistant requests");
  EXPECT_EQ(e.kind, ErrorKind::kTooManyRequests);
  EXPECT_EQ(e.code, "RATE_LIMITED");
  EXPECT_EQ(e.message, "Too many assistant requests; retry after 1 seconds.");
}

// A store that refuses everything past `limit` hits and records how it was asked.
class RecordingStore final : public RateCounterStore {
 public:
  RateLimitDecision decide(const RateLimitPolicy& policy, std::string_view key,
                           bool count) override {
    asked.push_back(std::string(key) + (count ? " count" : " peek"));
    if (count && hits < policy.limit) ++hits;
    const bool allowed = count ? asked.size() <= policy.limit : hits < policy.limit;
    return {allowed, policy.limit, policy.limit - hits, 30};
  }
  std::vector<std::string> asked;
  std::uint32_t hits = 0;
};

TEST(RateLimits, AskTheStoreTheyWereGivenInsteadOfTheirOwnCounters) {
  RateLimits limits;
  RecordingStore store;
  limits.set_store(&store);
  limits.set_policy({"p", 1, std::chrono::seconds(60)});
  EXPECT_FALSE(limits.limit(request_with_id(), "p", "a").has_value());
  EXPECT_TRUE(limits.exhausted(request_with_id(), "p", "a").has_value());
  EXPECT_EQ(header_of(limits.count("p", "a"), "X-RateLimit-Remaining"), "0");
  EXPECT_EQ(store.asked, (std::vector<std::string>{"a count", "a peek", "a count"}));
}

}  // namespace
}  // namespace deltalabs::http
