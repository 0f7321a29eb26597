#include "identity/input_rules.h"

#include <cctype>

namespace deltalabs::identity {

namespace {

constexpr std::size_t kMaxSlugLength = 64;

bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

std::optional<FieldError> slug_problem(std::string_view field, std::string_view slug) {
  bool ok = !slug.empty() && slug.size() <= kMaxSlugLength && lower_alnum(slug.front());
  for (char c : slug) ok = ok && (lower_alnum(c) || c == '_' || c == '-');
  if (ok) return std::nullopt;
  return FieldError{std::string(field),
                    "must be 1 to 64 of a-z, 0-9, '_' and '-', starting with a letter or digit"};
}

std::optional<FieldError> permission_part_problem(std::string_view field, std::string_view part) {
  bool ok =
      !part.empty() && part.size() <= kMaxSlugLength && part.front() >= 'a' && part.front() <= 'z';
  for (char c : part) ok = ok && (lower_alnum(c) || c == '_');
  if (ok) return std::nullopt;
  return FieldError{std::string(field),
                    "must be 1 to 64 of a-z, 0-9 and '_', starting with a letter"};
}

}  // namespace deltalabs::identity
