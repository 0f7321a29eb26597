#include "core/slug.h"

#include <algorithm>

namespace deltalabs {

std::string slugify(std::string_view title) {
  constexpr std::size_t kMax = 80;
  std::string out;
  bool dash = false;
  for (char raw : title) {
    const char ch = raw >= 'A' && raw <= 'Z' ? static_cast<char>(raw - 'A' + 'a') : raw;
    const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (keep) {
      if (dash && !out.empty()) out += '-';
      out += ch;
      dash = false;
    } else {
      dash = true;
    }
    if (out.size() >= kMax) break;
  }
  return out.empty() ? "course" : out;
}

bool is_slug(std::string_view text) {
  return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

bool is_currency_code(std::string_view text) {
  return text.size() == 3 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace deltalabs
