// Read pipelines (decision 0031): many threads' statements share one
// connection and travel in batches, one round trip each. What must hold:
// every caller gets its own answer; a statement that fails gets its error
// while the others of its batch, rolled back with it, run again (so a write
// among them happens once); a text whose prepare failed is not taken for
// prepared; a lost or frozen server fails the batch with 503 and the next
// batch has a new connection; a lease that changes its session keeps one
// connection. Needs a server: skips unless DELTALABS_TEST_PG is set.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "fresh_database.h"
#include "storage/postgres_database.h"
#include "storage/postgres_pipeline.h"

namespace deltalabs {
namespace {

using Statement = PostgresConnection::BatchStatement;

class PostgresPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = FreshDatabase::server_url();
    if (url_.empty()) GTEST_SKIP() << "DELTALABS_TEST_PG is not set";
  }
  // The first column of the first row of a statement's outcome, as an integer.
  static std::int64_t first_integer(const Statement& s) {
    const RowSet rows = pg_rows(s.outcome->value().get());
    return rows[0].integer(0);
  }
  std::string url_;
};

TEST_F(PostgresPipelineTest, ManyThreadsEachGetTheirOwnAnswers) {
  std::atomic<int> deadline_ms{5000};
  PostgresPipeline pipeline(url_, &deadline_ms);
  const std::vector<std::string> texts = {"SELECT CAST($1 AS BIGINT) * 2",
                                          "SELECT CAST($1 AS BIGINT) * 2 AS doubled",
                                          "SELECT 2 * CAST($1 AS BIGINT)"};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const std::int64_t n = (t * 1000) + i;
        auto res = pipeline.run(texts[static_cast<std::size_t>(i) % texts.size()], {n});
        if (!res.ok() || pg_rows(res->get())[0].integer(0) != 2 * n) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(pipeline.load(), 0u);
}

TEST_F(PostgresPipelineTest, AFailingStatementGetsItsErrorAndTheOthersRunAgain) {
  std::atomic<int> deadline_ms{5000};
  PostgresConnection c(url_, &deadline_ms);
  ASSERT_TRUE(c.open_status().ok());
  const Params none;
  Statement one{"SELECT 1", &none, {}};
  Statement divided{"SELECT 1 / 0", &none, {}};
  Statement three{"SELECT 3", &none, {}};
  std::vector<Statement*> batch = {&one, &divided, &three};
  c.run_batch(batch);
  ASSERT_TRUE(divided.outcome.has_value());
  ASSERT_FALSE(divided.outcome->ok());
  EXPECT_EQ(divided.outcome->error().kind, ErrorKind::kInvalidInput);
  EXPECT_FALSE(one.outcome.has_value());  // rolled back with the batch: run it again
  EXPECT_FALSE(three.outcome.has_value());
  EXPECT_FALSE(c.broken());

  std::vector<Statement*> again = {&one, &three};
  c.run_batch(again);
  ASSERT_TRUE(one.outcome && one.outcome->ok());
  ASSERT_TRUE(three.outcome && three.outcome->ok());
  EXPECT_EQ(first_integer(one), 1);
  EXPECT_EQ(first_integer(three), 3);
}

TEST_F(PostgresPipelineTest, AWriteRolledBackWithItsBatchHappensOnceWhenItRunsAgain) {
  std::atomic<int> deadline_ms{5000};
  PostgresConnection c(url_, &deadline_ms);
  ASSERT_TRUE(c.open_status().ok());
  const std::string table =
      "pipeline_once_" +
      std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  ASSERT_TRUE(c.execute_script("CREATE TABLE " + table + " (n BIGINT)").ok());
  const Params seven{7};
  const Params none;
  const std::string insert = "INSERT INTO " + table + " (n) VALUES ($1) RETURNING n";
  Statement write{insert, &seven, {}};
  Statement divided{"SELECT 1 / 0", &none, {}};
  std::vector<Statement*> batch = {&write, &divided};
  c.run_batch(batch);
  EXPECT_FALSE(write.outcome.has_value());
  auto rows = c.query("SELECT count(*) FROM " + table, {});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].integer(0), 0);  // rolled back with the failing statement

  std::vector<Statement*> again = {&write};
  c.run_batch(again);
  ASSERT_TRUE(write.outcome && write.outcome->ok());
  EXPECT_EQ(first_integer(write), 7);
  rows = c.query("SELECT count(*) FROM " + table, {});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].integer(0), 1);
  ASSERT_TRUE(c.execute_script("DROP TABLE " + table).ok());
}

TEST_F(PostgresPipelineTest, ATextWhosePrepareFailedIsNotTakenForPrepared) {
  std::atomic<int> deadline_ms{5000};
  PostgresConnection c(url_, &deadline_ms);
  ASSERT_TRUE(c.open_status().ok());
  const Params none;
  for (int round = 0; round < 2; ++round) {
    Statement bad{"SELEC 1", &none, {}};
    Statement two{"SELECT 2", &none, {}};
    std::vector<Statement*> batch = {&bad, &two};
    c.run_batch(batch);
    ASSERT_TRUE(bad.outcome.has_value()) << "round " << round;
    EXPECT_FALSE(bad.outcome->ok());
    EXPECT_NE(bad.outcome->error().code, storage_code::kDatabaseUnavailable);
    std::vector<Statement*> again = {&two};
    if (!two.outcome) c.run_batch(again);
    ASSERT_TRUE(two.outcome && two.outcome->ok());
    EXPECT_EQ(first_integer(two), 2);
  }
  EXPECT_FALSE(c.broken());
}

TEST_F(PostgresPipelineTest, ATerminatedConnectionIsReplacedForTheNextBatch) {
  std::atomic<int> deadline_ms{5000};
  PostgresPipeline pipeline(url_, &deadline_ms);
  PostgresConnection admin(url_);
  ASSERT_TRUE(admin.open_status().ok());
  auto first = pipeline.run("SELECT pg_backend_pid()", {});
  ASSERT_TRUE(first.ok());
  const std::int64_t pid = pg_rows(first->get())[0].integer(0);
  ASSERT_TRUE(admin.query("SELECT pg_terminate_backend($1)", {pid}).ok());
  // The pipeline was idle: it looks at its socket before the next batch, so
  // at most a batch sent before the goodbye arrived fails; later ones succeed.
  std::int64_t next_pid = pid;
  for (int i = 0; i < 200 && next_pid == pid; ++i) {
    auto next = pipeline.run("SELECT pg_backend_pid()", {});
    if (next.ok()) {
      next_pid = pg_rows(next->get())[0].integer(0);
    } else {
      EXPECT_EQ(next.error().code, storage_code::kDatabaseUnavailable);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_NE(next_pid, pid);
}

TEST_F(PostgresPipelineTest, ABatchPastTheDeadlineFailsWith503AndTheNextOneRuns) {
  std::atomic<int> deadline_ms{200};
  PostgresPipeline pipeline(url_, &deadline_ms);
  const auto started = std::chrono::steady_clock::now();
  auto slept = pipeline.run("SELECT pg_sleep(3)", {});
  ASSERT_FALSE(slept.ok());
  EXPECT_EQ(slept.error().code, storage_code::kDatabaseUnavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  auto one = pipeline.run("SELECT 1", {});
  ASSERT_TRUE(one.ok()) << one.error().cause;
  EXPECT_EQ(pg_rows(one->get())[0].integer(0), 1);
}

TEST_F(PostgresPipelineTest, AServerThatCannotBeReachedFailsEveryStatementWith503) {
  std::atomic<int> deadline_ms{2000};
  PostgresPipeline pipeline("postgresql://postgres@127.0.0.1:1/postgres", &deadline_ms);
  std::atomic<int> unavailable{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        auto res = pipeline.run("SELECT 1", {});
        if (!res.ok() && res.error().code == storage_code::kDatabaseUnavailable) ++unavailable;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(unavailable.load(), 40);
}

TEST_F(PostgresPipelineTest, ALeaseThatChangesItsSessionKeepsOneConnection) {
  DatabaseOptions options;
  options.url = url_;
  options.pool_size = 2;
  options.read_pipelines = 1;
  auto db = PostgresDatabase::open(url_, options);
  ASSERT_TRUE(db.ok()) << db.error().cause;
  auto lease = (*db)->read();
  ASSERT_TRUE(lease.ok());
  auto piped = (*lease)->query("SELECT CAST($1 AS TEXT)", {"shared"});
  ASSERT_TRUE(piped.ok());
  EXPECT_EQ((*piped)[0].text(0), "shared");
  ASSERT_TRUE((*lease)->execute_script("SET application_name = 'pipeline_test'").ok());
  auto name = (*lease)->query("SHOW application_name", {});
  ASSERT_TRUE(name.ok());
  EXPECT_EQ((*name)[0].text(0), "pipeline_test");
}

}  // namespace
}  // namespace deltalabs
