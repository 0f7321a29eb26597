#include "ai/feature_config_handlers.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "ai/ai_shapes.h"
#include "http/path_param.h"
#include "http/route_group.h"

namespace deltalabs::ai {

namespace {

constexpr std::size_t kMaxDescription = 500;

// {value: any JSON, description?: string}: read by hand, since a setting's
// value may be any JSON value (true, 3, "x", {...}), which field types cannot say.
struct SettingBody {
  std::string value;
  std::optional<std::string> description;
};

// The body as the OpenAPI document declares it.
const http::NamedSchema& setting_body_schema() {
  static const http::NamedSchema named(
      "FeatureSettingInput",
      {{{"type", "object"},
        {"required", boost::json::array{"value"}},
        {"additionalProperties", false},
        {"properties",
         {{"value", {{"description", "any JSON value, at most 16 KiB serialized"}}},
          {"description", {{"type", "string"}, {"description", "at most 500 bytes"}}}}}},
       {}});
  return named;
}

Result<SettingBody> read_setting(const http::Request& req) {
  boost::system::error_code ec;
  boost::json::value body = boost::json::parse(req.body, ec);
  if (ec) return Error::bad_request("MALFORMED_JSON", "The body is not valid JSON.");
  if (!body.is_object()) return Error::invalid("The body must be a JSON object.");
  std::vector<FieldError> problems;
  SettingBody out;
  for (const auto& [key, v] : body.as_object()) {
    if (key == "value") {
      out.value = boost::json::serialize(v);
    } else if (key == "description") {
      if (!v.is_string() || v.as_string().size() > kMaxDescription) {
        problems.push_back({"description", "must be a string of at most 500 bytes"});
      } else {
        out.description = std::string(v.as_string());
      }
    } else {
      problems.push_back({std::string(key), "is not a known field"});
    }
  }
  if (!body.as_object().contains("value")) problems.push_back({"value", "is required"});
  if (out.value.size() > 16 * 1024) problems.push_back({"value", "must be at most 16 KiB of JSON"});
  if (!problems.empty()) return Error::invalid("The setting is not valid.", std::move(problems));
  return out;
}

}  // namespace

void register_feature_config_routes(http::Router& router, FeatureConfigService& features) {
  const http::RouteGroup g(router, "Feature configuration");
  g.get({.path = "/v1/feature-config",
         .summary = "Every feature flag and setting (signed-in users; clients hide what is off)"},
        feature_settings_shape(), http::call(features, &FeatureConfigService::list));

  g.get({.path = "/v1/feature-config/:key",
         .summary = "One feature flag or setting",
         .responses = {200, 404}},
        feature_setting_shape(),
        http::call(features, &FeatureConfigService::get, http::PathParam{"key"}));

  g.put({.path = "/v1/feature-config/:key",
         .summary = "Set a feature flag or setting to any JSON value: body {value, description?} "
                    "(assistant.enabled: false turns the assistant off); audited",
         .permission = "feature_config:update",
         .raw_body = http::schema::ref(setting_body_schema()),
         .responses = {200, 400, 403}},
        feature_setting_shape(), [&features](http::Request& req) -> Result<FeatureSetting> {
          DL_ASSIGN_OR_RETURN(SettingBody body, read_setting(req));
          return features.put(req.caller(), http::path_param(req, "key"), body.value,
                              body.description);
        });
}

}  // namespace deltalabs::ai
