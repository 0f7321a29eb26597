#pragma once

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
  // True when `a` and `b` have the same comparison key.
  static bool same_answer(std::string_view a, std::string_view b) {
    return comparison_key(a) == comparison_key(b);
  }
};

}  // namespace deltalabs
