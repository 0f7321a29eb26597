#pragma once

#include <string>
#include <string_view>

namespace deltalabs {

// A URL slug from a title: lower-case ASCII letters and digits joined by
// single '-', at most 80 characters; "course" when nothing is left.
std::string slugify(std::string_view title);

// True for 1..64 characters of a-z, 0-9, '-' and '_'.
bool is_slug(std::string_view text);

// True for three upper-case ASCII letters (an ISO 4217 code's shape).
bool is_currency_code(std::string_view text);

}  // namespace deltalabs
