#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ai/chat_provider.h"
#include "ai/feature_config_service.h"
#include "ai/model.h"
#include "ai/tool_registry.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/database.h"

namespace deltalabs::ai {

// Bounds of the assistant.
struct ChatLimits {
  std::int64_t daily_tokens = 200000;  // per user per UTC day; 0 = no cap
  int max_tool_calls = 8;              // per turn
  int history_messages = 20;           // earlier user/assistant messages a model sees
};

// One chat turn asked for.
struct ChatRequest {
  std::string prompt;
  std::optional<std::string> conversation_id;  // continue this one; a new one otherwise
};

// The assistant's loop and the conversations it keeps. A turn: check the
// feature flag and the caller's daily token cap (429 TOKEN_CAP_REACHED),
// load the conversation (the caller's own: 404 otherwise), store the prompt,
// ask the provider with the tool catalog, run the tool calls it asks for
// through the registry (as the caller, at most max_tool_calls), store each,
// feed the results back, and store the answer with the turn's usage. Every
// message of a turn carries its turn id and position, unique together.
class ChatService {
 public:
  ChatService(Database& db, const ToolRegistry& tools, ChatProvider& provider,
              FeatureConfigService& features, ChatLimits limits)
      : db_(db), tools_(tools), provider_(provider), features_(features), limits_(limits) {}

  // Runs one turn as the actor.
  Result<ChatTurn> chat(const Actor& actor, const ChatRequest& request);
  // A page of the actor's conversations, newest first.
  Result<Page<Conversation>> conversations(const Actor& actor, const PageRequest& page);
  // One of the actor's conversations with every message; 404 for anyone else's.
  Result<ConversationDetail> conversation(const Actor& actor, const std::string& id);
  // Seconds until the daily token cap resets (the next UTC midnight).
  static std::int64_t seconds_until_reset();
  // The provider's name.
  std::string provider_name() const { return provider_.name(); }

 private:
  Result<Conversation> open(const Actor& actor, const ChatRequest& request,
                            std::vector<ProviderMessage>& history);
  Status store(ConversationMessage message);

  Database& db_;
  const ToolRegistry& tools_;
  ChatProvider& provider_;
  FeatureConfigService& features_;
  ChatLimits limits_;
};

}  // namespace deltalabs::ai
