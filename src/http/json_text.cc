#include "http/json_text.h"

#include <boost/json/serialize.hpp>

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace deltalabs::http {

namespace {

// What follows the backslash for each byte that needs escaping ('u' means
// \u00XX), as boost::json's serializer escapes: control characters, the
// quote and the backslash; everything else, UTF-8 included, goes through.
constexpr char escape_of(unsigned char ch) {
  switch (ch) {
    case '\b':
      return 'b';
    case '\t':
      return 't';
    case '\n':
      return 'n';
    case '\f':
      return 'f';
    case '\r':
      return 'r';
    case '"':
      return '"';
    case '\\':
      return '\\';
    default:
      return ch < 0x20 ? 'u' : 0;
  }
}

// escape_of for every byte, looked up once per character of every string written.
constexpr std::array<char, 256> kEscapes = [] {
  std::array<char, 256> table{};
  for (int ch = 0; ch < 256; ++ch) table[ch] = escape_of(static_cast<unsigned char>(ch));
  return table;
}();

// Whether any of the eight bytes of `word` needs escaping (below 0x20, the
// quote or the backslash), tested at once: most text has nothing to escape,
// so a string is skipped eight bytes at a time and only looked at bytewise
// around what it must escape. The zero-byte test of "Bit Twiddling Hacks".
constexpr bool needs_escape(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const auto has_zero_byte = [](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHigh;
  return (below_space | has_zero_byte(word ^ (kOnes * '"')) |
          has_zero_byte(word ^ (kOnes * '\\'))) != 0;
}

}  // namespace

void append_json(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (std::uint64_t word = 0; i + 8 <= s.size()) {
      std::memcpy(&word, s.data() + i, 8);
      if (!needs_escape(word)) {
        i += 7;
        continue;
      }
    }
    const auto ch = static_cast<unsigned char>(s[i]);
    const char esc = kEscapes[ch];
    if (!esc) continue;
    out.append(s.data() + plain_from, i - plain_from);
    plain_from = i + 1;
    out += '\\';
    if (esc != 'u') {
      out += esc;
    } else {
      out += "u00";
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  out.append(s.data() + plain_from, s.size() - plain_from);
  out += '"';
}

void append_json(std::string& out, std::int64_t v) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  out.append(buf, end);
}

void append_json(std::string& out, bool v) { out += v ? "true" : "false"; }

void append_json(std::string& out, double v) {
  out += boost::json::serialize(boost::json::value(v));
}

void append_json(std::string& out, const boost::json::value& v) {
  out += boost::json::serialize(v);
}

}  // namespace deltalabs::http
