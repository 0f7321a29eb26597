#pragma once

#include <string_view>

#include "core/result.h"

namespace deltalabs {

// Switches an operator turns at run time (feature_config, decision 0019): a
// domain asks before serving a feature it lets an operator turn off.
class FeatureFlags {
 public:
  virtual ~FeatureFlags() = default;
  // OK when `key` is on (unset counts as on); 503 FEATURE_DISABLED when it was turned off.
  virtual Status require_enabled(std::string_view key) = 0;
};

}  // namespace deltalabs
