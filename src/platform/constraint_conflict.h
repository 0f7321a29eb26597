#pragma once

#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs {

// Runs `statement` with `params` and returns the rows it changed; a failure
// whose storage code is `violation` (storage_code::kUniqueViolation,
// kForeignKeyViolation) becomes `conflict`, the 409 the caller names for
// that constraint; any other failure is returned as it came. Stateless.
Result<std::int64_t> execute_or_conflict(Connection& c, std::string_view statement,
                                         const Params& params, std::string_view violation,
                                         Error conflict);

}  // namespace deltalabs
