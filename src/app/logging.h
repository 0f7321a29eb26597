#pragma once

#include <string>

namespace deltalabs {

// Sends logs to stdout as one JSON object per line:
// {"ts":"...","level":"info","event":{...}}; callers log the event object.
// Returns false for an unknown level name.
bool setup_logging(const std::string& level);

}  // namespace deltalabs
