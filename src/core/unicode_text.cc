#include "core/unicode_text.h"

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace deltalabs {

namespace {

struct FreeDeleter {
  void operator()(uint8_t* p) const { std::free(p); }  // NOLINT(cppcoreguidelines-no-malloc)
};
using Buffer = std::unique_ptr<uint8_t, FreeDeleter>;

const uint8_t* bytes(std::string_view text) {
  return reinterpret_cast<const uint8_t*>(
      text.data());  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

std::string to_string(const Buffer& buffer, std::size_t length) {
  return {reinterpret_cast<const char*>(buffer.get()),
          length};  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

bool valid_utf8(std::string_view text) { return u8_check(bytes(text), text.size()) == nullptr; }

// `text` without leading and trailing characters of the White_Space property.
std::string_view trimmed(std::string_view text) {
  if (!valid_utf8(text)) return text;
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end) {
    ucs4_t c = 0;
    const int n = u8_mbtouc(&c, bytes(text) + begin, end - begin);
    if (!uc_is_property_white_space(c)) break;
    begin += static_cast<std::size_t>(n);
  }
  while (end > begin) {
    ucs4_t c = 0;
    const uint8_t* prev = u8_prev(&c, bytes(text) + end, bytes(text) + begin);
    if (prev == nullptr || !uc_is_property_white_space(c)) break;
    end = static_cast<std::size_t>(prev - bytes(text));
  }
  return text.substr(begin, end - begin);
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The byte length of the well-formed character at the start of `text`, or 0
// when its first byte does not begin one.
std::size_t character_length(std::string_view text) {
  ucs4_t c = 0;
  const int n = u8_mbtoucr(&c, bytes(text), text.size());
  return n > 0 ? static_cast<std::size_t>(n) : 0;
}

}  // namespace

std::string UnicodeText::to_valid_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes && valid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  while (!text.empty()) {
    const std::size_t n = character_length(text);
    const std::string_view piece = n > 0 ? text.substr(0, n) : kReplacement;
    if (out.size() + piece.size() > max_bytes) break;
    out += piece;
    text.remove_prefix(n > 0 ? n : 1);
  }
  return out;
}

std::string UnicodeText::nfc(std::string_view text) {
  if (text.empty() || !valid_utf8(text)) return std::string(text);
  std::size_t length = 0;
  Buffer out(u8_normalize(UNINORM_NFC, bytes(text), text.size(), nullptr, &length));
  if (!out) return std::string(text);
  return to_string(out, length);
}

std::string UnicodeText::comparison_key(std::string_view text) {
  const std::string_view core = trimmed(text);
  if (core.empty() || !valid_utf8(core)) return std::string(core);
  std::size_t length = 0;
  Buffer out(u8_casefold(bytes(core), core.size(), nullptr, UNINORM_NFC, nullptr, &length));
  if (!out) return std::string(core);
  return to_string(out, length);
}

}  // namespace deltalabs
