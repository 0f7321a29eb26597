#include "http/access_log.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/clock.h"
#include "core/unicode_text.h"

namespace deltalabs::http {

AccessLog::AccessLog(std::FILE* out, std::chrono::milliseconds interval, std::size_t max_buffered)
    : out_(out), interval_(interval), max_buffered_(max_buffered), writer_([this] { run(); }) {}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_requested_.notify_one();
  writer_.join();
}

std::string AccessLog::quoted(std::string_view text, std::size_t max_bytes) {
  return boost::json::serialize(boost::json::value(UnicodeText::to_valid_utf8(text, max_bytes)));
}

void AccessLog::write(std::string_view event_json) {
  std::string line;
  line.reserve(event_json.size() + 64);
  line += R"({"ts":")";
  line += format_rfc3339(now());
  line += R"(","level":"info","event":)";
  line += event_json;
  line += "}\n";
  std::lock_guard lock(mutex_);
  if (buffer_.size() + line.size() > max_buffered_) {
    dropped_.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  buffer_ += line;
}

void AccessLog::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    stop_requested_.wait_for(lock, interval_, [this] { return stopping_; });
    lock.unlock();
    drain();
    lock.lock();
  }
  // A stop can come before the first wait: what was written until then still goes out.
  lock.unlock();
  drain();
}

void AccessLog::drain() {
  std::string batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(buffer_);
  }
  if (batch.empty()) return;
  std::fwrite(batch.data(), 1, batch.size(), out_);
  std::fflush(out_);
}

}  // namespace deltalabs::http
