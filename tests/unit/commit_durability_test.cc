// CommitDurability: after wait() returns, the WAL holding every earlier
// commit has been synced; concurrent committers and waiters all succeed
// (sharing syncs) and their rows are all there.

#include "storage/commit_durability.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "core/crypto.h"

namespace deltalabs {
namespace {

class CommitDurabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto_init();
    path_ = std::filesystem::temp_directory_path() / ("durable-" + random_token(6) + ".db");
    auto db = open_database({"sqlite:" + path_.string(), 4, std::chrono::milliseconds(5000)});
    ASSERT_TRUE(db.ok()) << db.error().cause;
    db_ = std::move(db).value();
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }

  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

TEST_F(CommitDurabilityTest, WaitSucceedsAfterCommitsFromManyThreads) {
  {
    auto conn = db_->write();
    ASSERT_TRUE((*conn)->execute_script("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)").ok());
  }
  CommitDurability durable(*db_);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int n = 0; n < 20; ++n) {
        auto done = db_->transaction([](Connection& c) -> Status {
          DL_TRY(c.execute("INSERT INTO t (v) VALUES ('x')"));
          return {};
        });
        if (!done.ok() || !durable.wait().ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_TRUE(std::filesystem::exists(path_.string() + "-wal"));
  auto conn = db_->read();
  auto rows = (*conn)->query("SELECT count(*) FROM t");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].integer(0), 160);
}

}  // namespace
}  // namespace deltalabs
