#include "ai/feature_config_repository.h"

#include "ai/ai_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::ai {

namespace {

FeatureSetting setting_from(const Row& r) { return sql::kSettingRow.read(r); }

}  // namespace

Result<std::vector<FeatureSetting>> FeatureConfigRepository::list(Connection& c) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kListSettings));
  std::vector<FeatureSetting> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(setting_from(rows[i]));
  return out;
}

Result<std::optional<FeatureSetting>> FeatureConfigRepository::find(Connection& c,
                                                                    const std::string& key) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectSetting, {key}));
  if (rows.empty()) return std::optional<FeatureSetting>();
  return std::optional<FeatureSetting>(setting_from(rows[0]));
}

Status FeatureConfigRepository::put(Connection& c, const std::string& key, const std::string& value,
                                    const std::optional<std::string>& description,
                                    const std::string& user_id) {
  DL_TRY(c.execute(sql::kUpsertSetting,
                   {new_uuid_v7(), key, value, description, user_id, format_rfc3339(now())}));
  return {};
}

}  // namespace deltalabs::ai
