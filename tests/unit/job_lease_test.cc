// Job leases and shared rate counters (issue 21 §3, decision 0029): a job's
// lease has one holder at a time, a takeover is possible only once the lease
// expired (or was released) and increments the fencing token, and a holder
// that lost the lease has its writes refused inside their transaction (409
// JOB_LEASE_LOST), so nothing it would still write lands; of holders racing
// for a free lease exactly one gets it. The counters count a fixed window per
// key with one upsert, never count a refused hit, and start over once the
// window ended. A LeasedJob runs its work only while it holds the lease, and
// its clean stop hands the job to the other instance. On both backends.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "fresh_database_fixture.h"
#include "platform/job_lease.h"
#include "platform/leased_job.h"
#include "platform/rate_counters.h"
#include "storage/migrator.h"

namespace deltalabs {
namespace {

using namespace std::chrono_literals;

// Whether `passes` grew above 0 within ten seconds.
bool ran(const std::atomic<int>& passes) {
  for (int i = 0; i < 1000 && passes.load() == 0; ++i) std::this_thread::sleep_for(10ms);
  return passes.load() > 0;
}

class JobLeaseTest : public FreshDatabaseTest {
 protected:
  void SetUp() override {
    open_fresh("job_lease", 12);
    if (IsSkipped() || HasFatalFailure()) return;
    Migrator migrator(*db_);
    ASSERT_TRUE(migrator.migrate().ok());
  }
  void TearDown() override { close_fresh(); }

  // The fence `lease` gets now, or nullopt while another holds it.
  std::optional<JobFence> take(JobLease& lease) {
    auto taken = lease.take_or_renew();
    EXPECT_TRUE(taken.ok()) << taken.error().cause;
    return taken.ok() ? *taken : std::nullopt;
  }

  // Whether a write transaction fenced by `fence` commits.
  bool fenced_write(const JobFence& fence) {
    Status done = db_->transaction([&](Connection& c) -> Status { return fence.check(c); });
    if (!done.ok()) {
      EXPECT_EQ(done.error().code, "JOB_LEASE_LOST");
    }
    return done.ok();
  }
};

TEST_P(JobLeaseTest, OneHolderAtATimeAndATakeoverAfterExpiryIncrementsTheToken) {
  JobLease a(*db_, "job", "holder-a", 300ms);
  JobLease b(*db_, "job", "holder-b", 300ms);
  auto first = take(a);
  ASSERT_TRUE(first.has_value());
  EXPECT_FALSE(take(b).has_value());
  auto renewed = take(a);
  ASSERT_TRUE(renewed.has_value());
  EXPECT_EQ(renewed->token(), first->token());
  std::this_thread::sleep_for(400ms);
  auto taken_over = take(b);
  ASSERT_TRUE(taken_over.has_value());
  EXPECT_EQ(taken_over->token(), first->token() + 1);
  EXPECT_FALSE(take(a).has_value());
}

TEST_P(JobLeaseTest, AStaleHoldersWritesAreRefusedAndTheNewHoldersCommit) {
  JobLease a(*db_, "job", "holder-a", 200ms);
  JobLease b(*db_, "job", "holder-b", 200ms);
  auto old_fence = take(a);
  ASSERT_TRUE(old_fence.has_value());
  EXPECT_TRUE(fenced_write(*old_fence));
  std::this_thread::sleep_for(300ms);
  auto new_fence = take(b);
  ASSERT_TRUE(new_fence.has_value());
  EXPECT_FALSE(fenced_write(*old_fence));
  EXPECT_TRUE(fenced_write(*new_fence));
}

TEST_P(JobLeaseTest, AReleasedLeaseIsTakenAtOnceUnderANewToken) {
  JobLease a(*db_, "job", "holder-a", 60s);
  JobLease b(*db_, "job", "holder-b", 60s);
  auto first = take(a);
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(a.release().ok());
  auto second = take(b);
  ASSERT_TRUE(second.has_value());
  EXPECT_GT(second->token(), first->token());
}

TEST_P(JobLeaseTest, OfHoldersRacingForAFreeLeaseExactlyOneGetsIt) {
  constexpr int kRacers = 8;
  std::atomic<int> holders{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < kRacers; ++i) {
    racers.emplace_back([&, i] {
      JobLease lease(*db_, "race", "holder-" + std::to_string(i), 60s);
      auto taken = lease.take_or_renew();
      if (taken.ok() && taken->has_value()) ++holders;
    });
  }
  for (auto& t : racers) t.join();
  EXPECT_EQ(holders.load(), 1);
}

TEST_P(JobLeaseTest, OfTwoInstancesOnlyTheHolderRunsTheJobAndAStopHandsItOver) {
  std::atomic<int> passes_a{0};
  std::atomic<int> passes_b{0};
  LeasedJob a(JobLease(*db_, "job", "holder-a", 600ms), 20ms, [&](const JobFence& fence) {
    ++passes_a;
    return db_->transaction([&](Connection& c) { return fence.check(c); });
  });
  LeasedJob b(JobLease(*db_, "job", "holder-b", 600ms), 20ms, [&](const JobFence& fence) {
    ++passes_b;
    return db_->transaction([&](Connection& c) { return fence.check(c); });
  });
  a.start();
  ASSERT_TRUE(ran(passes_a));
  b.start();
  std::this_thread::sleep_for(300ms);  // many of b's ticks, all while a holds the lease
  EXPECT_GT(passes_a.load(), 1);
  EXPECT_EQ(passes_b.load(), 0);
  a.stop();  // releases the lease
  const int a_ran = passes_a.load();
  EXPECT_TRUE(ran(passes_b));
  EXPECT_EQ(passes_a.load(), a_ran);
  b.stop();
}

TEST_P(JobLeaseTest, CountersCountAWindowNeverCountARefusedHitAndStartOver) {
  auto conn = db_->write();
  ASSERT_TRUE(conn.ok());
  const std::int64_t t0 = 1'000'000;
  for (int i = 1; i <= 3; ++i) {
    auto n = RateCounters::hit(**conn, "p|k", 60000, 3, t0 + i);
    ASSERT_TRUE(n.ok()) << n.error().cause;
    EXPECT_EQ(n->hits, i);
    EXPECT_EQ(n->resets_at_ms, t0 + 1 + 60000);
  }
  for (int i = 0; i < 3; ++i) {
    auto refused = RateCounters::hit(**conn, "p|k", 60000, 3, t0 + 10);
    ASSERT_TRUE(refused.ok());
    EXPECT_EQ(refused->hits, 4);  // limit + 1: refused, and no further
  }
  auto peeked = RateCounters::peek(**conn, "p|k", t0 + 20);
  ASSERT_TRUE(peeked.ok() && peeked->has_value());
  EXPECT_EQ((*peeked)->hits, 4);
  auto later = RateCounters::hit(**conn, "p|k", 60000, 3, t0 + 1 + 60000);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->hits, 1);
  EXPECT_EQ(RateCounters::sweep(**conn, t0 + 3 * 60000).value(), 1);
  EXPECT_FALSE(RateCounters::peek(**conn, "p|k", t0).value().has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, JobLeaseTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace deltalabs
