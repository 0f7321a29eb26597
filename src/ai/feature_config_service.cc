#include "ai/feature_config_service.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "ai/feature_config_repository.h"
#include "platform/audit_log.h"

namespace deltalabs::ai {

namespace {

bool valid_key(const std::string& key) {
  return !key.empty() && key.size() <= 100 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

Error setting_not_found() {
  return {ErrorKind::kNotFound,
          "FEATURE_SETTING_NOT_FOUND",
          "There is no setting of that key.",
          {},
          {}};
}

}  // namespace

Result<std::vector<FeatureSetting>> FeatureConfigService::list(const Actor& actor) {
  if (!actor.authenticated()) return Error::unauthorized();
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return FeatureConfigRepository::list(*conn);
}

Result<FeatureSetting> FeatureConfigService::get(const Actor& actor, const std::string& key) {
  if (!actor.authenticated()) return Error::unauthorized();
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(auto found, FeatureConfigRepository::find(*conn, key));
  if (!found) return setting_not_found();
  return *found;
}

Result<FeatureSetting> FeatureConfigService::put(const Actor& actor, const std::string& key,
                                                 const std::string& value,
                                                 const std::optional<std::string>& description) {
  DL_TRY(authz_.require(actor, "feature_config:update"));
  if (!valid_key(key)) {
    return Error::invalid("The key is not valid.",
                          {{"key", "must be 1 to 100 of a-z, 0-9, '.', '_' and '-'"}});
  }
  return db_.transaction([&](Connection& c) -> Result<FeatureSetting> {
    DL_TRY(FeatureConfigRepository::put(c, key, value, description, actor.user_id));
    boost::json::object details{{"key", key}, {"value", value}};
    DL_TRY(AuditLog::record(
        c, actor,
        {"feature_config.updated", "feature_config", key, boost::json::serialize(details)}));
    DL_ASSIGN_OR_RETURN(auto stored, FeatureConfigRepository::find(c, key));
    if (!stored) return Error::internal("feature setting vanished after its write");
    return *stored;
  });
}

Result<bool> FeatureConfigService::enabled(std::string_view key, bool fallback) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(auto found, FeatureConfigRepository::find(*conn, std::string(key)));
  if (!found) return fallback;
  if (found->value == "true") return true;
  if (found->value == "false") return false;
  return fallback;
}

Status FeatureConfigService::require_enabled(std::string_view key) {
  DL_ASSIGN_OR_RETURN(bool on, enabled(key, true));
  if (on) return {};
  return Error::unavailable("FEATURE_DISABLED",
                            "This feature is turned off (" + std::string(key) + ").");
}

}  // namespace deltalabs::ai
