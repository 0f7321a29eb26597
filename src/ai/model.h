#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace deltalabs::ai {

// Plain structs of the AI / operational domain.

// A user's conversation with the assistant.
struct Conversation {
  std::string id;
  std::string user_id;
  std::string title;
  std::string provider;
  std::string created_at;
  std::string updated_at;
};

// One stored message of a conversation (see conversation_messages).
struct ConversationMessage {
  std::string id;
  std::string conversation_id;
  std::string turn_id;
  std::int64_t position = 0;
  std::string role;  // user, assistant, tool
  std::string content;
  std::optional<std::string> tool_name;
  std::optional<std::string> tool_arguments;  // JSON text
  std::optional<std::string> tool_result;     // JSON text
  std::optional<bool> tool_ok;
  std::int64_t tokens = 0;
  std::int64_t latency_ms = 0;
  std::string created_at;
};

// A conversation with its messages, oldest first.
struct ConversationDetail {
  Conversation conversation;
  std::vector<ConversationMessage> messages;
};

// One executed tool call of a chat turn, as the chat answer reports it.
struct ToolCallRecord {
  std::string name;
  std::string arguments;  // JSON text as the provider sent it (or {} when unparseable)
  std::string result;     // JSON text: the tool's data or {"error": {...}}
  bool ok = false;
};

// What one chat turn answers.
struct ChatTurn {
  std::string answer;
  std::string conversation_id;
  std::string turn_id;
  std::vector<ToolCallRecord> tool_calls;
  std::optional<std::string> navigate;
  std::int64_t tokens = 0;
};

// A content draft (see content_drafts).
struct ContentDraft {
  std::string id;
  std::string course_id;
  std::string author_id;
  std::string kind;    // course, section, summary
  std::string source;  // author, assistant
  std::string title;
  std::string body;
  std::string status;  // draft, promoted, discarded
  std::optional<std::string> section_id;
  std::optional<std::string> promoted_by;
  std::optional<std::string> promoted_at;
  std::string created_at;
  std::string updated_at;
};

// A new draft.
struct DraftInput {
  std::string course_id;
  std::string kind;
  std::string title;
  std::string body;
};

// A change to a draft; nullopt = unchanged.
struct DraftChange {
  std::optional<std::string> title;
  std::optional<std::string> body;
  std::optional<std::string> status;  // only "discarded" or "draft" (restoring)
};

// A feature flag or setting.
struct FeatureSetting {
  std::string key;
  std::string value;  // JSON text
  std::string description;
  std::optional<std::string> updated_by;
  std::string updated_at;
};

}  // namespace deltalabs::ai
