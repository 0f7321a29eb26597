#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace deltalabs {

// Transparent string hashing, so maps keyed by std::string can be probed with
// a string_view without allocating.
struct TransparentStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// An unordered map from strings that accepts string_view lookups.
template <class V>
using StringMap = std::unordered_map<std::string, V, TransparentStringHash, std::equal_to<>>;

}  // namespace deltalabs
