#include "http/json_text.h"

#include <boost/json/serialize.hpp>

#include <charconv>

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

}  // namespace

void append_json(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    const char esc = escape_of(ch);
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
