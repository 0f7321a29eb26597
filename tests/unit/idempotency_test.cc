// Idempotency-Key handling in the pipeline, over the real SQLite store: a
// retried money or seat POST must run once and replay its first answer, a key
// reused with another body is refused, and concurrent duplicates never both run.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "core/crypto.h"
#include "http/pipeline.h"
#include "platform/idempotency_keys.h"
#include "storage/migrator.h"

namespace deltalabs {
namespace {

using http::Method;
using http::Request;
using http::Response;

class IdempotencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto_init();
    path_ = std::filesystem::temp_directory_path() / ("idem-" + random_token(6) + ".db");
    auto db = open_database({"sqlite:" + path_.string(), 4, std::chrono::milliseconds(5000)});
    ASSERT_TRUE(db.ok()) << db.error().cause;
    db_ = std::move(db).value();
    Migrator migrator(*db_);
    ASSERT_TRUE(migrator.migrate().ok());
    store_ = std::make_unique<IdempotencyKeys>(*db_);
    router_.add({.method = Method::kPost,
                 .path = "/v1/things",
                 .handler = [this](Request& req) -> Result<Response> {
                   const int n = ++runs_;
                   std::this_thread::sleep_for(std::chrono::milliseconds(20));
                   return Response::json(201, {{"run", n}, {"echo", req.json}})
                       .header("Location", "/v1/things/1");
                 },
                 .body = http::json_body({field::string("name", 50)}),
                 .idempotency = http::Idempotency::kRequired});
    pipeline_ =
        std::make_unique<http::Pipeline>(router_, metrics_, http::PipelineOptions{{}, false});
    pipeline_->set_idempotency_store(store_.get());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(path_);
  }

  Response post(const std::string& body, const std::string& key) {
    Request req;
    req.method = Method::kPost;
    req.method_text = "POST";
    req.path = "/v1/things";
    req.body = body;
    req.remote_address = "127.0.0.1";
    req.headers = {{"Content-Type", "application/json"}};
    if (!key.empty()) req.headers.emplace_back("Idempotency-Key", key);
    return pipeline_->handle(req);
  }

  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<IdempotencyKeys> store_;
  http::Router router_;
  http::Metrics metrics_;
  std::unique_ptr<http::Pipeline> pipeline_;
  std::atomic<int> runs_{0};
};

TEST_F(IdempotencyTest, RetryWithSameKeyAndBodyReplaysTheFirstResponse) {
  const Response first = post(R"({"name":"a"})", "key-1");
  const Response again = post(R"({ "name" : "a" })", "key-1");
  EXPECT_EQ(first.status, 201);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(runs_.load(), 1);
  bool location = false;
  for (const auto& [k, v] : again.headers)
    location = location || (k == "Location" && v == "/v1/things/1");
  EXPECT_TRUE(location);
}

TEST_F(IdempotencyTest, SameKeyWithAnotherBodyFailsWith422) {
  ASSERT_EQ(post(R"({"name":"a"})", "key-2").status, 201);
  const Response other = post(R"({"name":"b"})", "key-2");
  EXPECT_EQ(other.status, 422);
  EXPECT_NE(other.body.find("IDEMPOTENCY_KEY_REUSED"), std::string::npos);
  EXPECT_EQ(runs_.load(), 1);
}

TEST_F(IdempotencyTest, MissingKeyFailsWith400WhenRequired) {
  const Response r = post(R"({"name":"a"})", "");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("IDEMPOTENCY_KEY_REQUIRED"), std::string::npos);
  EXPECT_EQ(runs_.load(), 0);
}

TEST_F(IdempotencyTest, KeyStillRunningFailsWith409) {
  // The pipeline hashes the path, a newline and the canonical JSON body.
  const std::string first_request = "/v1/things\n{\"name\":\"a\"}";
  auto claim = store_->claim("anonymous:127.0.0.1 POST /v1/things key-3", sha256_hex(first_request),
                             std::nullopt);
  ASSERT_TRUE(claim.ok());
  const Response r = post(R"({"name":"a"})", "key-3");
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("IDEMPOTENCY_IN_PROGRESS"), std::string::npos);
}

TEST_F(IdempotencyTest, TwentyConcurrentDuplicatesRunOnce) {
  std::vector<std::thread> threads;
  std::atomic<int> created{0}, in_progress{0};
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&] {
      const Response r = post(R"({"name":"same"})", "key-4");
      if (r.status == 201) ++created;
      if (r.status == 409) ++in_progress;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(runs_.load(), 1);
  EXPECT_EQ(created.load() + in_progress.load(), 20);
}

}  // namespace
}  // namespace deltalabs
