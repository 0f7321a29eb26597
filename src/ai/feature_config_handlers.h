#pragma once

#include "ai/feature_config_service.h"
#include "http/router.h"

namespace deltalabs::ai {

// Adds GET /v1/feature-config and GET, PUT /v1/feature-config/:key.
void register_feature_config_routes(http::Router& router, FeatureConfigService& features);

}  // namespace deltalabs::ai
