#include "core/case_fold.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace deltalabs {

std::string case_fold_key(std::string_view utf8) {
  // ASCII needs no tables: the common case stays cheap.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return (c & 0x80) == 0; })) {
    std::string out(utf8);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_SUCCESS(status)) text = nfc->normalize(text, status);
  text.toLower(icu::Locale::getRoot());
  // Lower-casing can leave a sequence that composes differently (e.g. after İ).
  if (U_SUCCESS(status)) text = nfc->normalize(text, status);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace deltalabs
