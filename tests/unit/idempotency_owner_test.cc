// Idempotency claims know their owner (issue 18 §3, decision 0025): a claim
// whose owning process is gone is taken over at once, so a retry right after a
// crash runs instead of answering 409 for five minutes; a claim of a process
// that still runs, this one included, stays in progress; and of concurrent
// takeovers of one cut-off claim exactly one runs. On both backends.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "fresh_database_fixture.h"
#include "platform/idempotency_keys.h"
#include "storage/instance_lease.h"
#include "storage/migrator.h"

namespace deltalabs {
namespace {

using http::ClaimOutcome;
using namespace std::chrono_literals;

constexpr const char* kScope = "user-1 POST /v1/things key-1";
constexpr const char* kHash = "hash-1";
// How long a PostgreSQL backend may take to exit (and drop its locks) after its client left.
constexpr auto kSessionEndWait = 3s;

class IdempotencyOwnerTest : public FreshDatabaseTest {
 protected:
  void SetUp() override {
    open_fresh("idem_owner", 12);
    if (IsSkipped() || HasFatalFailure()) return;
    Migrator migrator(*db_);
    ASSERT_TRUE(migrator.migrate().ok());
  }
  void TearDown() override { close_fresh(); }  // every lease is gone by now: PostgreSQL can drop

  std::unique_ptr<InstanceLease> lease() {
    auto taken = open_instance_lease(fresh_->url());
    EXPECT_TRUE(taken.ok()) << taken.error().message << " " << taken.error().cause;
    return taken.ok() ? std::move(taken).value() : nullptr;
  }

  bool alive(InstanceLease& asking, const std::string& owner) {
    auto conn = db_->read();
    EXPECT_TRUE(conn.ok());
    auto answer = asking.alive(**conn, owner);
    EXPECT_TRUE(answer.ok()) << answer.error().cause;
    return answer.ok() && *answer;
  }

  // What a claim of kScope through `store` finds.
  ClaimOutcome claim(IdempotencyKeys& store, const std::string& hash = kHash) {
    auto claimed = store.claim(kScope, hash, std::nullopt);
    EXPECT_TRUE(claimed.ok()) << claimed.error().cause;
    return claimed.ok() ? claimed->outcome : ClaimOutcome::kMismatch;
  }

  // The owner kScope's row records.
  std::string owner_of_claim() {
    auto conn = db_->read();
    EXPECT_TRUE(conn.ok());
    auto rows = (*conn)->query("SELECT owner FROM idempotency_keys WHERE scope = $1", {kScope});
    EXPECT_TRUE(rows.ok() && rows->size() == 1);
    return rows.ok() && rows->size() == 1 ? (*rows)[0].text(0) : std::string();
  }

  // Claims through `store` until the claim is taken (a PostgreSQL session
  // ends a moment after its client) or kSessionEndWait passed.
  ClaimOutcome claim_once_owner_ended(IdempotencyKeys& store) {
    const auto deadline = std::chrono::steady_clock::now() + kSessionEndWait;
    ClaimOutcome outcome = claim(store);
    while (outcome == ClaimOutcome::kInProgress && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(20ms);
      outcome = claim(store);
    }
    return outcome;
  }
};

TEST(InstanceLeaseOwnerId, IsSixteenHexDigitsNamingA62BitKey) {
  const std::string a = make_owner_id();
  const std::string b = make_owner_id();
  EXPECT_EQ(a.size(), 16U);
  EXPECT_NE(a, b);
  ASSERT_TRUE(owner_key(a).has_value());
  EXPECT_GE(*owner_key(a), 0);
  EXPECT_LT(*owner_key(a), std::int64_t{1} << 62);
  EXPECT_EQ(owner_key("00000000000000ff"), 255);
  EXPECT_FALSE(owner_key("ffffffffffffffff").has_value());  // above 2^62
  EXPECT_FALSE(owner_key("not-an-owner-id!").has_value());
  EXPECT_FALSE(owner_key("12ab").has_value());
}

TEST_P(IdempotencyOwnerTest, ALeaseIsAliveWhileHeldAndEndsWithItsHolder) {
  auto a = lease();
  auto b = lease();
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->owner(), b->owner());
  EXPECT_TRUE(alive(*a, b->owner()));
  EXPECT_TRUE(alive(*b, a->owner()));
  EXPECT_TRUE(alive(*a, a->owner()));
  EXPECT_FALSE(alive(*a, make_owner_id())) << "an owner id nobody holds is no live process";
  const std::string ended = b->owner();
  b.reset();
  const auto deadline = std::chrono::steady_clock::now() + kSessionEndWait;
  while (alive(*a, ended) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(20ms);
  EXPECT_FALSE(alive(*a, ended));
}

// Other advisory locks in the database (any key, one-key or two-key) neither
// break the check nor count as a live owner.
TEST_P(IdempotencyOwnerTest, OtherAdvisoryLocksDoNotConfuseTheCheck) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "advisory locks are PostgreSQL's";
  auto a = lease();
  ASSERT_TRUE(a);
  auto other = db_->write();
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)
                  ->execute_script("SELECT pg_advisory_lock(-1); SELECT pg_advisory_lock(-42, 7);"
                                   "SELECT pg_advisory_lock(9223372036854775807)")
                  .ok());
  EXPECT_TRUE(alive(*a, a->owner()));
  EXPECT_FALSE(alive(*a, make_owner_id()));
  EXPECT_FALSE(alive(*a, "3fffffffffffffff"));
  ASSERT_TRUE((*other)->execute_script("SELECT pg_advisory_unlock_all()").ok());
}

TEST_P(IdempotencyOwnerTest, AClaimOfAnOwnerThatIsGoneIsTakenOverAtOnce) {
  auto crashed = lease();
  ASSERT_TRUE(crashed);
  {
    IdempotencyKeys before_crash(*db_, crashed.get());
    ASSERT_EQ(claim(before_crash), ClaimOutcome::kClaimed);
  }
  crashed.reset();  // the process is gone with its claim in progress
  auto restarted = lease();
  ASSERT_TRUE(restarted);
  IdempotencyKeys store(*db_, restarted.get());
  EXPECT_EQ(claim_once_owner_ended(store), ClaimOutcome::kClaimed);
  EXPECT_EQ(owner_of_claim(), restarted->owner());
  EXPECT_EQ(claim(store), ClaimOutcome::kInProgress) << "the retry's own claim is live now";
  ASSERT_TRUE(
      store.complete(kScope, http::Response::json(201, boost::json::object{{"ok", true}})).ok());
  EXPECT_EQ(claim(store), ClaimOutcome::kReplay);
}

TEST_P(IdempotencyOwnerTest, AClaimOfALiveProcessStaysInProgressForOthersAndItself) {
  auto first = lease();
  auto second = lease();
  ASSERT_TRUE(first && second);
  IdempotencyKeys mine(*db_, first.get());
  IdempotencyKeys theirs(*db_, second.get());
  ASSERT_EQ(claim(mine), ClaimOutcome::kClaimed);
  EXPECT_EQ(claim(theirs), ClaimOutcome::kInProgress);
  EXPECT_EQ(claim(mine), ClaimOutcome::kInProgress);
  EXPECT_EQ(claim(theirs, "another body"), ClaimOutcome::kMismatch);
}

TEST_P(IdempotencyOwnerTest, AClaimWithoutAnOwnerStaysInProgressUntilStale) {
  IdempotencyKeys ownerless(*db_);  // as claims made before migration 0021
  ASSERT_EQ(claim(ownerless), ClaimOutcome::kClaimed);
  auto live = lease();
  ASSERT_TRUE(live);
  IdempotencyKeys store(*db_, live.get());
  EXPECT_EQ(claim(store), ClaimOutcome::kInProgress);
  IdempotencyKeys impatient(*db_, live.get(), std::chrono::hours(24), std::chrono::seconds(0));
  EXPECT_EQ(claim(impatient), ClaimOutcome::kClaimed) << "stale_after stays the last resort";
}

TEST_P(IdempotencyOwnerTest, ConcurrentRetriesOfACutOffClaimTakeItOverOnce) {
  auto crashed = lease();
  ASSERT_TRUE(crashed);
  {
    IdempotencyKeys before_crash(*db_, crashed.get());
    ASSERT_EQ(claim(before_crash), ClaimOutcome::kClaimed);
  }
  crashed.reset();
  auto one = lease();
  auto other = lease();
  ASSERT_TRUE(one && other);
  IdempotencyKeys in_one(*db_, one.get());
  IdempotencyKeys in_other(*db_, other.get());
  // Wait until the crashed owner is seen as gone, without claiming.
  const std::string gone = owner_of_claim();
  const auto deadline = std::chrono::steady_clock::now() + kSessionEndWait;
  while (alive(*one, gone) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(20ms);
  std::atomic<int> claimed{0};
  std::atomic<int> in_progress{0};
  std::vector<std::thread> retries;
  for (int i = 0; i < 10; ++i) {
    retries.emplace_back([&, i] {
      const ClaimOutcome outcome = claim(i % 2 == 0 ? in_one : in_other);
      (outcome == ClaimOutcome::kClaimed ? claimed : in_progress).fetch_add(1);
    });
  }
  for (auto& t : retries) t.join();
  EXPECT_EQ(claimed.load(), 1);
  EXPECT_EQ(in_progress.load(), 9);
}

INSTANTIATE_TEST_SUITE_P(Backends, IdempotencyOwnerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace deltalabs
