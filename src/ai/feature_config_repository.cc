#include "ai/feature_config_repository.h"

#include "ai/ai_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::ai {

Result<std::vector<FeatureSetting>> FeatureConfigRepository::list(Connection& c) {
  return sql::kSettingTable.all(c, sql::kListSettings, {});
}

Result<std::optional<FeatureSetting>> FeatureConfigRepository::find(Connection& c,
                                                                    const std::string& key) {
  return sql::kSettingTable.first(c, sql::kSettingTable.kSelectById, {key});
}

Status FeatureConfigRepository::put(Connection& c, const std::string& key, const std::string& value,
                                    const std::optional<std::string>& description,
                                    const std::string& user_id) {
  DL_TRY(c.execute(sql::kUpsertSetting,
                   {new_uuid_v7(), key, value, description, user_id, format_rfc3339(now())}));
  return {};
}

}  // namespace deltalabs::ai
