#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace deltalabs {

using TimePoint = std::chrono::system_clock::time_point;

// The current time, UTC.
TimePoint now();

// Formats as RFC 3339 UTC with milliseconds, fixed width so text sorts by time:
// 2026-11-24T09:30:00.000Z.
std::string format_rfc3339(TimePoint t);

// Parses RFC 3339 (with `Z` or a numeric offset, optional fraction); nullopt when malformed.
std::optional<TimePoint> parse_rfc3339(std::string_view text);

// Seconds since the Unix epoch.
std::int64_t unix_seconds(TimePoint t);

}  // namespace deltalabs
