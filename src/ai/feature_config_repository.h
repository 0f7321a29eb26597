#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ai/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::ai {

// Rows of feature_config (SQL in ai_sql.h).
class FeatureConfigRepository {
 public:
  // Every setting by key.
  static Result<std::vector<FeatureSetting>> list(Connection& c);
  // One setting, or nullopt.
  static Result<std::optional<FeatureSetting>> find(Connection& c, const std::string& key);
  // Sets a key's JSON value (and description, when given) as `user_id`.
  static Status put(Connection& c, const std::string& key, const std::string& value,
                    const std::optional<std::string>& description, const std::string& user_id);
};

}  // namespace deltalabs::ai
