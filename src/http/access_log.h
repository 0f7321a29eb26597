#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace deltalabs::http {

// The per-request access log, written in batches. Request threads append a
// line to a buffer under a short lock and go on: they never wait for stdout
// and never wake anyone (a wake-up per line cost a task switch per request).
// A writer thread drains the buffer every `interval` and on destruction, so
// a line appears at most one interval late and none is lost on a graceful
// stop. When stdout cannot keep up, lines beyond `max_buffered` bytes are
// dropped and counted rather than slowing requests down.
class AccessLog {
 public:
  explicit AccessLog(std::FILE* out = stdout,
                     std::chrono::milliseconds interval = std::chrono::milliseconds(100),
                     std::size_t max_buffered = 8U << 20U);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // Appends {"ts":"<now>","level":"info","event":<event_json>} as one line.
  void write(std::string_view event_json);
  // `text` as a JSON string for a log line: what a client sent (a path, a
  // method) made valid UTF-8 and cut to `max_bytes` at a character boundary.
  static std::string quoted(std::string_view text, std::size_t max_bytes = 2048);
  // How many lines were dropped because the buffer was full.
  std::uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

 private:
  void run();
  void drain();

  std::FILE* out_;
  std::chrono::milliseconds interval_;
  std::size_t max_buffered_;
  std::mutex mutex_;
  std::condition_variable stop_requested_;
  bool stopping_ = false;
  std::string buffer_;
  std::atomic<std::uint64_t> dropped_{0};
  std::thread writer_;
};

}  // namespace deltalabs::http
