#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "ai/chat_service.h"
#include "ai/content_draft_service.h"
#include "ai/feature_config_service.h"
#include "ai/openai_provider.h"
#include "ai/tool_registry.h"
#include "ai/tools/tools.h"
#include "content/section_service.h"
#include "core/cursor_codec.h"
#include "http/rate_limits.h"
#include "http/router.h"
#include "identity/authorization_service.h"
#include "storage/database.h"

namespace deltalabs::ai {

// Settings of the assistant.
struct AiOptions {
  std::string provider = "builtin";  // builtin or openai-compatible
  OpenAiOptions openai;
  ChatLimits limits;
  std::uint32_t chat_rate_limit = 30;  // chat turns per user per minute; 0 = off
};

// The AI / operational domain wired together: the tool registry over the
// other domains' services, the configured provider, the chat loop, the MCP
// server, content drafts and feature configuration, with routes.
class AiModule {
 public:
  // Builds the module; an unknown provider name is 400 INVALID_AI_PROVIDER.
  // `features` is the process's one FeatureConfigService, which labs reads too.
  static Result<std::unique_ptr<AiModule>> create(Database& db, ToolServices services,
                                                  content::SectionService& sections,
                                                  FeatureConfigService& features,
                                                  http::RateLimits& rate_limits,
                                                  const CursorCodec& cursors,
                                                  const AiOptions& options);

  // Adds every route of the domain.
  void register_routes(http::Router& router);

  // The tool catalog (other modules may add tools).
  ToolRegistry& tools() { return tools_; }
  // Feature flags, for every service that honours one.
  FeatureConfigService& features() { return features_; }
  // The chat loop.
  ChatService& chat() { return *chat_; }
  // Content drafts.
  ContentDraftService& drafts() { return drafts_; }

 private:
  AiModule(Database& db, ToolServices services, content::SectionService& sections,
           FeatureConfigService& features, http::RateLimits& rate_limits,
           const CursorCodec& cursors);

  ToolServices services_;
  http::RateLimits& rate_limits_;
  const CursorCodec& cursors_;
  ToolRegistry tools_;
  FeatureConfigService& features_;
  ContentDraftService drafts_;
  std::unique_ptr<ChatProvider> provider_;
  std::unique_ptr<ChatService> chat_;
};

}  // namespace deltalabs::ai
