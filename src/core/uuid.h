#pragma once

#include <string>
#include <string_view>

namespace deltalabs {

// Returns a new time-ordered UUID (version 7) in canonical lowercase form.
std::string new_uuid_v7();

// True when `text` is a UUID in canonical 8-4-4-4-12 hex form (any case).
bool is_uuid(std::string_view text);

}  // namespace deltalabs
