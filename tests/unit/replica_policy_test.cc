// Read routing's decision (storage/replica_policy.h, decision 0029 "Read
// routing"): LSNs parse and order as PostgreSQL's pg_lsn; a read goes to the
// replica only when its status is fresh, its lag within the limit and it has
// replayed the client's last write; a failed replica is skipped for the
// back-off and asked again after it; the dl_wlsn cookie is read from a Cookie header.
#include "storage/replica_policy.h"

#include <gtest/gtest.h>

#include <chrono>

#include "app/replica_read_scope.h"

namespace deltalabs {
namespace {

using std::chrono::milliseconds;
using Clock = ReplicaPolicy::Clock;

ReplicaPolicy policy() {
  return ReplicaPolicy({.max_lag = milliseconds(1000),
                        .status_ttl = milliseconds(100),
                        .down_backoff = milliseconds(2000)});
}

TEST(ReplicaLsnTest, ParsesAndOrdersAsPgLsn) {
  EXPECT_EQ(parse_lsn("0/0"), Lsn{0});
  EXPECT_EQ(parse_lsn("16/B374D848"), (Lsn{0x16} << 32) | 0xB374D848u);
  // The high half weighs more than any low half: 1/0 > 0/FFFFFFFF.
  EXPECT_GT(*parse_lsn("1/0"), *parse_lsn("0/FFFFFFFF"));
  EXPECT_EQ(format_lsn(*parse_lsn("16/B374D848")), "16/B374D848");
  EXPECT_EQ(format_lsn(*parse_lsn("0/3000060")), "0/3000060");
}

TEST(ReplicaLsnTest, RefusesMalformedText) {
  for (const char* bad : {"", "/", "16", "16/", "/B3", "G/1", "1/2/3", "123456789/0", "1/ 2"}) {
    EXPECT_FALSE(parse_lsn(bad).has_value()) << bad;
  }
}

TEST(ReplicaPolicyTest, NeverAskedMeansPrimaryAndAskNow) {
  const ReplicaPolicy p = policy();
  const auto now = Clock::now();
  EXPECT_FALSE(p.use_replica(now, std::nullopt));
  EXPECT_TRUE(p.needs_status(now));
}

TEST(ReplicaPolicyTest, CaughtUpReplicaServesClientsWhoseWriteItReplayed) {
  ReplicaPolicy p = policy();
  const auto now = Clock::now();
  p.observe(now, {.replay_lsn = 500, .lag = milliseconds(0)});
  EXPECT_TRUE(p.use_replica(now, std::nullopt));
  EXPECT_TRUE(p.use_replica(now, Lsn{500}));
  EXPECT_TRUE(p.use_replica(now, Lsn{499}));
  // The client wrote past what the replica replayed: primary.
  EXPECT_FALSE(p.use_replica(now, Lsn{501}));
  EXPECT_FALSE(p.needs_status(now + milliseconds(99)));
  EXPECT_TRUE(p.needs_status(now + milliseconds(100)));
}

TEST(ReplicaPolicyTest, LaggingReplicaIsSkippedUntilItCatchesUp) {
  ReplicaPolicy p = policy();
  const auto now = Clock::now();
  p.observe(now, {.replay_lsn = 500, .lag = milliseconds(1001)});
  EXPECT_FALSE(p.use_replica(now, std::nullopt));
  p.observe(now + milliseconds(100), {.replay_lsn = 900, .lag = milliseconds(1000)});
  EXPECT_TRUE(p.use_replica(now + milliseconds(100), std::nullopt));
}

TEST(ReplicaPolicyTest, StatusNotRenewedForLongIsNotTrusted) {
  ReplicaPolicy p = policy();
  const auto now = Clock::now();
  p.observe(now, {.replay_lsn = 500, .lag = milliseconds(0)});
  EXPECT_TRUE(p.use_replica(now + milliseconds(1000), std::nullopt));
  EXPECT_FALSE(p.use_replica(now + milliseconds(1001), std::nullopt));
}

TEST(ReplicaPolicyTest, DownReplicaIsSkippedForTheBackOffThenAskedAgain) {
  ReplicaPolicy p = policy();
  const auto now = Clock::now();
  p.observe(now, {.replay_lsn = 500, .lag = milliseconds(0)});
  p.mark_down(now);
  EXPECT_FALSE(p.use_replica(now, std::nullopt));
  EXPECT_FALSE(p.needs_status(now + milliseconds(1999)));
  EXPECT_TRUE(p.needs_status(now + milliseconds(2000)));
  // Its old status does not come back with the back-off's end.
  EXPECT_FALSE(p.use_replica(now + milliseconds(2000), std::nullopt));
  p.observe(now + milliseconds(2000), {.replay_lsn = 600, .lag = milliseconds(0)});
  EXPECT_TRUE(p.use_replica(now + milliseconds(2000), Lsn{600}));
}

TEST(ReplicaCookieTest, ReadsTheWritePositionFromTheCookieHeader) {
  EXPECT_EQ(ReplicaReadScope::client_lsn("dl_wlsn=0/3000060"), parse_lsn("0/3000060"));
  EXPECT_EQ(ReplicaReadScope::client_lsn("a=1; dl_wlsn=16/B3; b=2"), parse_lsn("16/B3"));
  EXPECT_FALSE(ReplicaReadScope::client_lsn("").has_value());
  EXPECT_FALSE(ReplicaReadScope::client_lsn("x_dl_wlsn=0/1; dl_wlsnx=0/2").has_value());
  EXPECT_FALSE(ReplicaReadScope::client_lsn("dl_wlsn=nonsense").has_value());
}

}  // namespace
}  // namespace deltalabs
