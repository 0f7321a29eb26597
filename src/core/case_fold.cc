#include "core/case_fold.h"

#include <unicase.h>
#include <uninorm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace deltalabs {

namespace {

// `utf8` with every ASCII capital lowered: the whole key of ASCII text, and
// what invalid UTF-8 (which the JSON parser never lets through) falls back to.
std::string ascii_lower(std::string_view utf8) {
  std::string out(utf8);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string case_fold_key(std::string_view utf8) {
  // ASCII needs no tables: the common case stays cheap.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return (c & 0x80) == 0; }))
    return ascii_lower(utf8);
  const auto* text = reinterpret_cast<const uint8_t*>(utf8.data());
  std::size_t nfc_length = 0;
  std::unique_ptr<uint8_t, decltype(&std::free)> nfc(
      u8_normalize(UNINORM_NFC, text, utf8.size(), nullptr, &nfc_length), &std::free);
  if (!nfc) return ascii_lower(utf8);
  // Lower-casing with NFC output: a sequence that composes differently after
  // lowering (e.g. after U+0130) comes back composed.
  std::size_t lower_length = 0;
  std::unique_ptr<uint8_t, decltype(&std::free)> lower(
      u8_tolower(nfc.get(), nfc_length, "", UNINORM_NFC, nullptr, &lower_length), &std::free);
  if (!lower) return ascii_lower(utf8);
  return {reinterpret_cast<const char*>(lower.get()), lower_length};
}

}  // namespace deltalabs
