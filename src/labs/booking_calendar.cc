#include "labs/booking_calendar.h"

#include <algorithm>

namespace deltalabs::labs {

std::string BookingCalendar::date_time(std::string_view rfc3339) {
  const auto t = parse_rfc3339(rfc3339);
  if (!t) return {};
  // format_rfc3339 is 2026-11-24T09:30:00.000Z: keep the digits, drop the fraction.
  const std::string s = format_rfc3339(*t);
  return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2) + "T" + s.substr(11, 2) +
         s.substr(14, 2) + s.substr(17, 2) + "Z";
}

std::string BookingCalendar::text(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char ch : value) {
    switch (ch) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string BookingCalendar::fold(std::string_view line) {
  std::string out;
  std::size_t width = 0;  // octets on the current physical line
  for (std::size_t i = 0; i < line.size();) {
    // The length of the UTF-8 sequence starting here, so a fold never splits one.
    const auto lead = static_cast<unsigned char>(line[i]);
    std::size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    len = std::min(len, line.size() - i);
    if (width + len > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line.substr(i, len));
    width += len;
    i += len;
  }
  return out + "\r\n";
}

std::string BookingCalendar::render(const std::vector<Booking>& bookings, TimePoint now) {
  std::string out = fold("BEGIN:VCALENDAR") + fold("VERSION:2.0") +
                    fold("PRODID:-//Delta Labs//Lab bookings//EN") + fold("CALSCALE:GREGORIAN") +
                    fold("METHOD:PUBLISH") + fold("X-WR-CALNAME:My lab bookings");
  const std::string stamp = date_time(format_rfc3339(now));
  for (const Booking& b : bookings) {
    out += fold("BEGIN:VEVENT");
    out += fold("UID:lab-booking-" + b.id + "@deltalabs");
    out += fold("DTSTAMP:" + stamp);
    out += fold("DTSTART:" + date_time(b.slot_start));
    out += fold("DTEND:" + date_time(b.slot_end));
    out += fold("SUMMARY:" + text(b.lab_name));
    if (!b.location.empty()) out += fold("LOCATION:" + text(b.location));
    out +=
        fold("DESCRIPTION:" + text(std::to_string(b.seats) + (b.seats == 1 ? " seat" : " seats") +
                                   ", booking " + b.id + " (" + b.status + ")"));
    out += fold(b.status == "confirmed" ? "STATUS:CONFIRMED" : "STATUS:TENTATIVE");
    out += fold("END:VEVENT");
  }
  return out + fold("END:VCALENDAR");
}

}  // namespace deltalabs::labs
