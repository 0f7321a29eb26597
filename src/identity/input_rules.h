#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace deltalabs::identity {

// Format rules for what clients choose or send in the access-control routes:
// slugs (stable machine names that code and URLs refer to) and ids.

// A problem with a slug: 1 to 64 of [a-z0-9_-], starting with a letter or digit.
std::optional<FieldError> slug_problem(std::string_view field, std::string_view slug);

// A problem with a permission's resource or action: 1 to 64 of [a-z0-9_], starting with a letter.
std::optional<FieldError> permission_part_problem(std::string_view field, std::string_view part);

}  // namespace deltalabs::identity
