#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "labs/model.h"

namespace deltalabs::labs {

// iCalendar (RFC 5545) of lab bookings: one VEVENT per booking, UTC times,
// TEXT values escaped, lines folded at 75 octets, CRLF line ends. Pending
// bookings are TENTATIVE, confirmed ones CONFIRMED.
class BookingCalendar {
 public:
  // The VCALENDAR of `bookings`, stamped at `now`.
  static std::string render(const std::vector<Booking>& bookings, TimePoint now);
  // An RFC 3339 time as an iCalendar UTC DATE-TIME (20270115T180000Z); empty when malformed.
  static std::string date_time(std::string_view rfc3339);
  // A TEXT value with backslash, semicolon, comma and newlines escaped.
  static std::string text(std::string_view value);
  // One content line, folded into CRLF-terminated lines of at most 75 octets
  // (never inside a UTF-8 sequence).
  static std::string fold(std::string_view line);
};

}  // namespace deltalabs::labs
