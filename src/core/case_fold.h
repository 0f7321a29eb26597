#pragma once

#include <string>
#include <string_view>

namespace deltalabs {

// The key under which two spellings of a text count as one, whatever their
// case and Unicode composition: NFC, then Unicode's default (root locale)
// lower-casing with NFC output (libunistring). "Ädá@x.org", "ädá@x.org" and the decomposed
// "A\u0308dá@x.org" share one key. Every backend stores and compares this key
// instead of its own lower(), which on SQLite folds ASCII only. PostgreSQL's
// normalize(lower(normalize(t, NFC) COLLATE "und-x-icu"), NFC) computes the
// same (migration 0007 backfills with it). Invalid UTF-8, which the JSON parser
// never lets through, is only ASCII-lowered.
std::string case_fold_key(std::string_view utf8);

}  // namespace deltalabs
