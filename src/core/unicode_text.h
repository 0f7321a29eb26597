#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

namespace deltalabs {

// Unicode-aware text comparison (libunistring): what "the same answer" means
// for short text, whatever keyboard or input method produced it.
class UnicodeText {
 public:
  // `text` in Normalization Form C; invalid UTF-8 comes back unchanged.
  static std::string nfc(std::string_view text);
  // `text` without surrounding white space (Unicode White_Space), case-folded
  // (full folding, so "Straße" matches "STRASSE") and in NFC: the key two
  // answers are compared by. Invalid UTF-8 is only trimmed.
  static std::string comparison_key(std::string_view text);
  // `text` made fit to quote back to a client or into a log line: valid UTF-8
  // (each byte that does not begin a well-formed character becomes U+FFFD)
  // and at most `max_bytes` long, cut before the first character that would
  // not fit whole.
  static std::string to_valid_utf8(std::string_view text,
                                   std::size_t max_bytes = std::numeric_limits<std::size_t>::max());
  // True when `a` and `b` have the same comparison key.
  static bool same_answer(std::string_view a, std::string_view b) {
    return comparison_key(a) == comparison_key(b);
  }
};

}  // namespace deltalabs
