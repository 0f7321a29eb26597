#include "app/progress_reporter.h"

#include <algorithm>
#include <cstdio>

namespace deltalabs {

namespace {
constexpr int kBarWidth = 30;
constexpr auto kTerminalInterval = std::chrono::milliseconds(100);
// Plain lines are for logs: often enough to show life, rare enough to read.
constexpr auto kPlainInterval = std::chrono::seconds(5);
}  // namespace

ProgressReporter::ProgressReporter(std::ostream& out, bool terminal)
    : out_(out),
      terminal_(terminal),
      started_(std::chrono::steady_clock::now()),
      last_draw_(started_) {}

void ProgressReporter::start(std::int64_t total) {
  total_ = std::max<std::int64_t>(total, 1);
  done_ = 0;
  started_ = std::chrono::steady_clock::now();
  last_draw_ = started_;
}

void ProgressReporter::phase(const std::string& name) {
  phase_ = name;
  draw(!terminal_);
}

void ProgressReporter::advance(std::int64_t count) {
  done_ += count;
  draw(false);
}

void ProgressReporter::finish() {
  done_ = std::min(done_, total_);
  phase_ = "done";
  draw(true);
  if (terminal_) out_ << '\n';
  out_.flush();
}

void ProgressReporter::draw(bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < (terminal_ ? kTerminalInterval : kPlainInterval)) return;
  last_draw_ = now;
  const double fraction = std::min(1.0, static_cast<double>(done_) / static_cast<double>(total_));
  const double seconds = std::chrono::duration<double>(now - started_).count();
  char numbers[96];
  std::snprintf(numbers, sizeof numbers, "%3.0f%% %lld/%lld rows %.1fs", fraction * 100,
                static_cast<long long>(done_), static_cast<long long>(total_), seconds);
  if (terminal_) {
    const int filled = static_cast<int>(fraction * kBarWidth);
    // \33[K clears what a longer previous phase name left on the line.
    out_ << "\r[" << std::string(filled, '#') << std::string(kBarWidth - filled, '.') << "] "
         << numbers << ' ' << phase_ << "\33[K" << std::flush;
  } else {
    out_ << "seed: " << numbers << ' ' << phase_ << '\n' << std::flush;
  }
}

}  // namespace deltalabs
