#pragma once

#include "ai/chat_service.h"
#include "ai/tool_registry.h"
#include "core/cursor_codec.h"
#include "http/rate_limits.h"
#include "http/router.h"

namespace deltalabs::ai {

// The name of the per-user rate-limit policy of POST /v1/ai/chat.
inline constexpr const char* kChatRatePolicy = "ai-chat";

// Adds POST /v1/ai/chat, GET /v1/ai/tools and GET /v1/ai/conversations(/:id).
// Chat turns are limited per user by the kChatRatePolicy of `rate_limits`.
void register_chat_routes(http::Router& router, ChatService& chat, const ToolRegistry& tools,
                          http::RateLimits& rate_limits, const CursorCodec& cursors);

}  // namespace deltalabs::ai
