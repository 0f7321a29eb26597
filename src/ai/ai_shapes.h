#pragma once

#include <string>

#include "ai/model.h"
#include "ai/tool.h"
#include "http/json_shape.h"

namespace deltalabs::ai {

// The API shapes of the AI / operational domain: one per type, so every route
// renders and documents the same object the same way.

// {name, description, parameters}: a tool with the JSON Schema of its arguments.
const http::JsonShape<Tool>& tool_shape();
// {tools: [Tool]}: the tool catalog.
const http::JsonShape<std::vector<Tool>>& tool_catalog_shape();
// {name, arguments, result, ok}: one executed tool call.
const http::JsonShape<ToolCallRecord>& tool_call_shape();
// {answer, conversation_id, turn_id, tool_calls, navigate, tokens}: a chat turn's answer.
const http::JsonShape<ChatTurn>& chat_turn_shape();
// {id, title, provider, created_at, updated_at}.
const http::JsonShape<Conversation>& conversation_shape();
// One stored message of a conversation.
const http::JsonShape<ConversationMessage>& message_shape();
// A conversation with its messages, oldest first.
const http::JsonShape<ConversationDetail>& conversation_detail_shape();
// A content draft.
const http::JsonShape<ContentDraft>& draft_shape();
// {key, value, description, updated_by, updated_at}.
const http::JsonShape<FeatureSetting>& feature_setting_shape();
// {items: [FeatureSetting]}: every setting.
const http::JsonShape<std::vector<FeatureSetting>>& feature_settings_shape();

// Any JSON value (a JSON Schema without constraints).
http::Schema any_json();
// A stored JSON text as its value (null when it is not JSON).
boost::json::value json_of(const std::string& text);

}  // namespace deltalabs::ai
