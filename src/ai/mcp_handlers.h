#pragma once

#include "ai/feature_config_service.h"
#include "ai/tool_registry.h"
#include "http/router.h"

namespace deltalabs::ai {

// Adds /v1/mcp: the tool catalog as a Model Context Protocol server over
// Streamable HTTP (JSON-RPC 2.0 over POST, one JSON response per request;
// methods initialize, ping, tools/list, tools/call; notifications get 202).
// The bearer token is the caller's, so an MCP client acts as that user.
void register_mcp_routes(http::Router& router, const ToolRegistry& tools,
                         FeatureConfigService& features);

}  // namespace deltalabs::ai
