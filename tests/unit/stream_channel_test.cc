// StreamChannel: chunks written from any thread wake the connection once per
// flush, arrive in order, and are refused once the connection ended, which
// is how a streaming source learns its client left.

#include "http/stream_channel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace deltalabs::http {
namespace {

TEST(StreamChannel, WakesOncePerFlushAndKeepsOrder) {
  int wakes = 0;
  StreamChannel channel([&wakes] { ++wakes; });
  EXPECT_TRUE(channel.write("a"));
  EXPECT_TRUE(channel.write("b"));
  EXPECT_EQ(wakes, 1);  // the flush already scheduled sends both
  EXPECT_EQ(channel.take(), "ab");
  EXPECT_EQ(channel.take(), "");
  EXPECT_TRUE(channel.write("c"));
  EXPECT_EQ(wakes, 2);
  EXPECT_EQ(channel.take(), "c");
}

TEST(StreamChannel, RefusesWritesAfterCloseAndDropsWhatWasQueued) {
  StreamChannel channel([] {});
  EXPECT_TRUE(channel.write("queued"));
  channel.close();
  EXPECT_FALSE(channel.write("late"));
  EXPECT_EQ(channel.take(), "");
}

TEST(StreamChannel, LosesNothingWrittenFromManyThreads) {
  std::atomic<int> wakes{0};
  StreamChannel channel([&wakes] { ++wakes; });
  std::vector<std::thread> writers;
  for (int t = 0; t < 4; ++t) {
    writers.emplace_back([&channel] {
      for (int i = 0; i < 1000; ++i) ASSERT_TRUE(channel.write("x"));
    });
  }
  std::size_t received = 0;
  while (received < 4000) received += channel.take().size();
  for (auto& w : writers) w.join();
  EXPECT_EQ(received, 4000u);
  EXPECT_GE(wakes.load(), 1);
}

}  // namespace
}  // namespace deltalabs::http
