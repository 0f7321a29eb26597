// One recipient's notifications commit in id order (issue 21 §3): a
// notification stream reads ids after the last one it sent, so an id that
// committed after a larger one would be skipped by a client resuming with
// Last-Event-ID, on any instance. Runs on SQLite always and on PostgreSQL
// when DELTALABS_TEST_PG names a server.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "fresh_database_fixture.h"
#include "identity/admin_bootstrap.h"
#include "identity/password_hasher.h"
#include "platform/notification_log.h"
#include "storage/database.h"
#include "storage/migrator.h"

namespace deltalabs {
namespace {

class NotificationOrderTest : public FreshDatabaseTest {
 protected:
  void SetUp() override {
    open_fresh("notify", 4);
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(Migrator(*db_).migrate().ok());
    identity::PasswordHasher hasher;
    auto made = identity::bootstrap_account(*db_, hasher, "reader@notify.test",
                                            "correct horse battery staple", "student");
    ASSERT_TRUE(made.ok());
    user_ = made->user_id;
  }
  void TearDown() override { close_fresh(); }

  // How many notifications of the user a reader outside any transaction sees.
  std::int64_t visible() {
    auto conn = db_->read();
    EXPECT_TRUE(conn.ok());
    auto rows = (*conn)->query("SELECT count(*) FROM notifications WHERE user_id = $1", {user_});
    EXPECT_TRUE(rows.ok());
    return (*rows)[0].integer(0);
  }

  std::string user_;
};

// The transaction that records first and commits late holds back the next
// one for the same recipient: the later notification gets its id only once
// the earlier has committed, so its id is larger and it commits after.
TEST_P(NotificationOrderTest, ALaterNotificationWaitsForTheEarlierToCommit) {
  std::atomic<bool> first_recorded{false};
  std::string first_id;
  std::string second_id;
  std::int64_t seen_by_second = -1;
  std::thread second([&] {
    while (!first_recorded) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    auto done = db_->transaction([&](Connection& c) -> Status {
      DL_ASSIGN_OR_RETURN(second_id, NotificationLog::record(c, user_, "test.second", "{}"));
      seen_by_second = visible();  // the first must have committed by now
      return {};
    });
    EXPECT_TRUE(done.ok()) << done.error().cause;
  });
  auto done = db_->transaction([&](Connection& c) -> Status {
    DL_ASSIGN_OR_RETURN(first_id, NotificationLog::record(c, user_, "test.first", "{}"));
    first_recorded = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the second tries meanwhile
    return {};
  });
  ASSERT_TRUE(done.ok()) << done.error().cause;
  second.join();
  EXPECT_EQ(seen_by_second, 1) << "the second notification was recorded before the first committed";
  EXPECT_GT(second_id, first_id);
}

// An id is above the recipient's newest even when the clock says otherwise
// (a notification written by a server whose clock ran ahead).
TEST_P(NotificationOrderTest, AnIdFollowsTheNewestEvenFromAClockBehind) {
  const std::string ahead = "ffffffff-ffff-7fff-bfff-0000000000ff";
  auto done = db_->transaction([&](Connection& c) -> Result<std::string> {
    DL_TRY(
        c.execute("INSERT INTO notifications (id, user_id, kind, payload, created_at) "
                  "VALUES ($1, $2, 'test.ahead', '{}', '2026-12-07T00:00:00.000Z')",
                  {ahead, user_}));
    return NotificationLog::record(c, user_, "test.next", "{}");
  });
  ASSERT_TRUE(done.ok()) << done.error().cause;
  EXPECT_EQ(*done, "ffffffff-ffff-7fff-bfff-000000000100");
}

INSTANTIATE_TEST_SUITE_P(Backends, NotificationOrderTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace deltalabs
