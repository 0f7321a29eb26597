#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace deltalabs {

// Returns a new time-ordered UUID (version 7) in canonical lowercase form.
std::string new_uuid_v7();

// True when `text` is a UUID in canonical 8-4-4-4-12 hex form (any case).
bool is_uuid(std::string_view text);

// A UUID in the canonical lowercase form ids are stored in (both backends compare it as text).
std::string canonical_id(std::string_view id);

// A canonical optional id (nullopt stays nullopt).
std::optional<std::string> canonical_optional_id(const std::optional<std::string>& id);

}  // namespace deltalabs
