// AccessLog: request threads hand lines over without waiting; the writer
// drains them in batches, loses none on a graceful stop, and drops (and
// counts) lines rather than grow without bound when output cannot keep up.

#include "http/access_log.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace deltalabs::http {
namespace {

std::string contents(std::FILE* f) {
  std::rewind(f);
  std::string text;
  char chunk[4096];
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) text.append(chunk, n);
  return text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(AccessLog, EveryLineFromManyThreadsIsWrittenWholeByTheStop) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    AccessLog log(f, std::chrono::milliseconds(5));
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&log, t] {
        for (int i = 0; i < 500; ++i)
          log.write(R"({"msg":"request","n":)" + std::to_string(t * 1000 + i) + "}");
      });
    }
    for (auto& th : threads) th.join();
  }
  const auto lines = lines_of(contents(f));
  ASSERT_EQ(lines.size(), 2000U);
  for (const auto& line : lines) {
    EXPECT_EQ(line.rfind(R"({"ts":")", 0), 0U) << line;
    EXPECT_NE(line.find(R"(","level":"info","event":{"msg":"request","n":)"), std::string::npos);
    EXPECT_EQ(line.back(), '}');
  }
  std::fclose(f);
}

TEST(AccessLog, LinesAppearWithinAnIntervalWithoutAStop) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  AccessLog log(f, std::chrono::milliseconds(10));
  log.write(R"({"msg":"soon"})");
  std::string text;
  for (int i = 0; i < 200 && text.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    text = contents(f);
    std::fseek(f, 0, SEEK_END);
  }
  EXPECT_NE(text.find(R"("event":{"msg":"soon"})"), std::string::npos);
}

TEST(AccessLog, FailsOverToDroppingWhenTheBufferIsFull) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  std::uint64_t dropped = 0;
  {
    // An hour-long interval: nothing drains while the test writes.
    AccessLog log(f, std::chrono::hours(1), 300);
    for (int i = 0; i < 10; ++i) log.write(R"({"msg":"request"})");
    dropped = log.dropped();
  }
  const auto written = lines_of(contents(f)).size();
  EXPECT_GT(dropped, 0U);
  EXPECT_GT(written, 0U);
  EXPECT_EQ(written + dropped, 10U);
  std::fclose(f);
}

TEST(AccessLog, QuotedClientTextIsValidUtf8CutAtACharacterBoundary) {
  EXPECT_EQ(AccessLog::quoted("/v1/x?\"y\""), R"("/v1/x?\"y\"")");
  EXPECT_EQ(AccessLog::quoted("/caf\xFF"), "\"/caf\xEF\xBF\xBD\"");
  EXPECT_EQ(AccessLog::quoted("/\xC3\xA9\xC3\xA9", 4), "\"/\xC3\xA9\"");
}

}  // namespace
}  // namespace deltalabs::http
