#include "ai/ai_shapes.h"

#include <boost/json.hpp>

#include "ai/tool_registry.h"
#include "http/shape_fields.h"

namespace deltalabs::ai {

namespace s = http::schema;

http::Schema any_json() { return {boost::json::object{}, {}}; }

boost::json::value json_of(const std::string& text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  return ec ? boost::json::value(nullptr) : v;
}

namespace {

boost::json::value optional_json(const std::optional<std::string>& text) {
  return text ? json_of(*text) : boost::json::value(nullptr);
}

// The arguments as sent: their JSON when they parse, the raw text otherwise.
boost::json::value arguments_of(const std::string& text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  return ec ? boost::json::value(text) : v;
}

std::vector<http::ShapeField<Conversation>> conversation_fields() {
  return {DL_SHAPE_FIELDS(Conversation, (id, uuid), (title, string), (provider, string),
                          (created_at, timestamp), (updated_at, timestamp))};
}

}  // namespace

DL_JSON_SHAPE(tool_shape, Tool, "AiTool",
              {DL_SHAPE_FIELDS(Tool, (name, string), (description, string)),
               {"parameters", s::any_object(),
                [](const Tool& t) { return boost::json::value(t.parameters.to_json_schema()); }}})

DL_JSON_SHAPE(tool_catalog_shape, std::vector<Tool>, "AiToolCatalog",
              {{"tools", s::array(s::ref(tool_shape())), [](const std::vector<Tool>& t) {
                  return boost::json::value(tool_shape().render_all(t));
                }}})

DL_JSON_SHAPE(
    tool_call_shape, ToolCallRecord, "AiToolCall",
    {DL_SHAPE_FIELDS(ToolCallRecord, (name, string)),
     {"arguments", any_json(), [](const ToolCallRecord& r) { return arguments_of(r.arguments); }},
     {"result", s::any_object(), [](const ToolCallRecord& r) { return json_of(r.result); }},
     DL_SHAPE_FIELDS(ToolCallRecord, (ok, boolean))})

DL_JSON_SHAPE(chat_turn_shape, ChatTurn, "AiChatTurn",
              {DL_SHAPE_FIELDS(ChatTurn, (answer, string), (conversation_id, uuid),
                               (turn_id, uuid)),
               http::array_of("tool_calls", tool_call_shape(), &ChatTurn::tool_calls),
               DL_SHAPE_FIELDS(ChatTurn, (navigate, string), (tokens, integer))})

DL_JSON_SHAPE(conversation_shape, Conversation, "AiConversation", conversation_fields())

DL_JSON_SHAPE(message_shape, ConversationMessage, "AiMessage",
              {DL_SHAPE_FIELDS(ConversationMessage, (id, uuid), (turn_id, uuid),
                               (position, integer), (role, one_of, {"user", "assistant", "tool"}),
                               (content, string), (tool_name, string)),
               {"tool_arguments", any_json(),
                [](const ConversationMessage& m) { return optional_json(m.tool_arguments); }},
               {"tool_result", s::nullable(s::any_object()),
                [](const ConversationMessage& m) { return optional_json(m.tool_result); }},
               DL_SHAPE_FIELDS(ConversationMessage, (tool_ok, boolean), (tokens, integer),
                               (latency_ms, integer), (created_at, timestamp))})

DL_JSON_SHAPE(conversation_detail_shape, ConversationDetail, "AiConversationDetail",
              http::concat(http::fields_of(conversation_shape(), &ConversationDetail::conversation),
                           {http::array_of("messages", message_shape(),
                                           &ConversationDetail::messages)}))

DL_JSON_SHAPE(draft_shape, ContentDraft, "ContentDraft",
              {DL_SHAPE_FIELDS(ContentDraft, (id, uuid), (course_id, uuid), (author_id, uuid),
                               (kind, one_of, {"course", "section", "summary"}),
                               (source, one_of, {"author", "assistant"}), (title, string),
                               (body, string), (status, one_of, {"draft", "promoted", "discarded"}),
                               (section_id, uuid), (promoted_by, uuid), (promoted_at, timestamp),
                               (created_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(feature_setting_shape, FeatureSetting, "FeatureSetting",
              {DL_SHAPE_FIELDS(FeatureSetting, (key, string)),
               {"value", any_json(), [](const FeatureSetting& f) { return json_of(f.value); }},
               DL_SHAPE_FIELDS(FeatureSetting, (description, string), (updated_by, uuid),
                               (updated_at, timestamp))})

DL_JSON_SHAPE(feature_settings_shape, std::vector<FeatureSetting>, "FeatureSettings",
              {{"items", s::array(s::ref(feature_setting_shape())),
                [](const std::vector<FeatureSetting>& v) {
                  return boost::json::value(feature_setting_shape().render_all(v));
                }}})

}  // namespace deltalabs::ai
