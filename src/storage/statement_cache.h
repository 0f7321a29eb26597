#pragma once

#include <cstddef>

#include "core/string_map.h"

namespace deltalabs {

// Prepared statements of one connection, keyed by SQL text.
template <class Entry>
using StatementCache = StringMap<Entry>;

// The most statements a connection keeps prepared before it starts over.
inline constexpr std::size_t kStatementCacheLimit = 512;

}  // namespace deltalabs
