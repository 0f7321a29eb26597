// PostgresConnection faults: a statement past the deadline fails with 503
// DATABASE_UNAVAILABLE and leaves the connection broken (its answer may still
// come, so it must not be reused); a connection the server terminated is seen
// broken while idle, before anyone is lent it; an ordinary SQL error keeps
// the connection usable. Needs a server: skips unless DELTALABS_TEST_PG is set.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "fresh_database.h"
#include "storage/postgres_connection.h"

namespace deltalabs {
namespace {

class PostgresFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = FreshDatabase::server_url();
    if (url_.empty()) GTEST_SKIP() << "DELTALABS_TEST_PG is not set";
  }
  std::string url_;
};

TEST_F(PostgresFaults, AStatementPastTheDeadlineFailsWith503AndBreaksTheConnection) {
  std::atomic<int> deadline_ms{200};
  PostgresConnection c(url_, &deadline_ms);
  ASSERT_TRUE(c.open_status().ok()) << c.open_status().error().cause;
  const auto started = std::chrono::steady_clock::now();
  auto slept = c.query("SELECT pg_sleep(3)", {});
  ASSERT_FALSE(slept.ok());
  EXPECT_EQ(slept.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(slept.error().code, storage_code::kDatabaseUnavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  EXPECT_TRUE(c.broken());
  EXPECT_FALSE(c.query("SELECT 1", {}).ok());  // never reused, even by mistake
}

TEST_F(PostgresFaults, AConnectionTheServerTerminatedIsBrokenBeforeItIsUsedAgain) {
  PostgresConnection victim(url_);
  PostgresConnection admin(url_);
  ASSERT_TRUE(victim.open_status().ok() && admin.open_status().ok());
  auto pid = victim.query("SELECT pg_backend_pid()", {});
  ASSERT_TRUE(pid.ok());
  EXPECT_FALSE(victim.broken());
  ASSERT_TRUE(admin.query("SELECT pg_terminate_backend($1)", {(*pid)[0].integer(0)}).ok());
  // The backend says goodbye and closes on its own time: wait for it (2 s at most).
  bool broken = false;
  for (int i = 0; i < 200 && !broken; ++i) {
    broken = victim.broken();
    if (!broken) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(broken);
}

TEST_F(PostgresFaults, AnSqlErrorKeepsTheConnectionUsable) {
  std::atomic<int> deadline_ms{2000};
  PostgresConnection c(url_, &deadline_ms);
  ASSERT_TRUE(c.open_status().ok());
  auto divided = c.query("SELECT 1 / 0", {});
  ASSERT_FALSE(divided.ok());
  EXPECT_NE(divided.error().code, storage_code::kDatabaseUnavailable);
  EXPECT_FALSE(c.broken());
  auto one = c.query("SELECT 1", {});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ((*one)[0].integer(0), 1);
}

}  // namespace
}  // namespace deltalabs
