#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ai/model.h"
#include "core/actor.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "platform/feature_flags.h"
#include "storage/database.h"

namespace deltalabs::ai {

// Feature flags and settings (feature_config). Any signed-in user reads them
// (clients hide what is off); holders of feature_config:update set them, and
// every change is audited. Services ask enabled() on each use, so a change
// takes effect on the next request of every process sharing the database.
class FeatureConfigService : public FeatureFlags {
 public:
  FeatureConfigService(Database& db, const identity::AuthorizationService& authz)
      : db_(db), authz_(authz) {}

  // Every setting by key.
  Result<std::vector<FeatureSetting>> list(const Actor& actor);
  // One setting; 404 FEATURE_SETTING_NOT_FOUND.
  Result<FeatureSetting> get(const Actor& actor, const std::string& key);
  // Sets `key` to the JSON text `value` (feature_config:update); keys are 1..100 of [a-z0-9._-].
  Result<FeatureSetting> put(const Actor& actor, const std::string& key, const std::string& value,
                             const std::optional<std::string>& description);
  // True when `key` is set to JSON true, false when set to false; `fallback`
  // when unset or not a boolean.
  Result<bool> enabled(std::string_view key, bool fallback);
  // OK when `key` is enabled (default on); 503 FEATURE_DISABLED otherwise.
  Status require_enabled(std::string_view key) override;

 private:
  Database& db_;
  const identity::AuthorizationService& authz_;
};

}  // namespace deltalabs::ai
