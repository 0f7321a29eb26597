#include "platform/constraint_conflict.h"

#include <utility>

namespace deltalabs {

Result<std::int64_t> execute_or_conflict(Connection& c, std::string_view statement,
                                         const Params& params, std::string_view violation,
                                         Error conflict) {
  auto done = c.execute(statement, params);
  if (!done.ok() && done.error().code == violation) return conflict;
  return done;
}

}  // namespace deltalabs
