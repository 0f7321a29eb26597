#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace deltalabs {

// Reports the progress of a long command on a stream (stderr): a bar redrawn
// in place when the stream is a terminal, otherwise a plain line every few
// seconds, so logs of CI runs and scripts stay readable.
class ProgressReporter {
 public:
  // Reports on `out`; `terminal` picks the redrawn bar over plain lines.
  ProgressReporter(std::ostream& out, bool terminal);

  // Starts counting towards `total` units and starts the clock.
  void start(std::int64_t total);

  // Starts a named phase (e.g. "enrollments"); shown next to the bar.
  void phase(const std::string& name);
  // Records `count` more units done; redraws at most ten times a second.
  void advance(std::int64_t count);
  // Prints the final state and ends the bar's line.
  void finish();

 private:
  void draw(bool force);

  std::ostream& out_;
  bool terminal_;
  std::int64_t total_ = 1;
  std::int64_t done_ = 0;
  std::string phase_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace deltalabs
