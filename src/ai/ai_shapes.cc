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
  return {{"id", s::uuid(), &Conversation::id},
          {"title", s::string(), &Conversation::title},
          {"provider", s::string(), &Conversation::provider},
          {"created_at", s::timestamp(), &Conversation::created_at},
          {"updated_at", s::timestamp(), &Conversation::updated_at}};
}

}  // namespace

const http::JsonShape<Tool>& tool_shape() {
  static const http::JsonShape<Tool> shape(
      "AiTool", {{"name", s::string(), &Tool::name},
                 {"description", s::string(), &Tool::description},
                 {"parameters", s::any_object(), [](const Tool& t) {
                    return boost::json::value(t.parameters.to_json_schema());
                  }}});
  return shape;
}

const http::JsonShape<std::vector<Tool>>& tool_catalog_shape() {
  static const http::JsonShape<std::vector<Tool>> shape(
      "AiToolCatalog", {{"tools", s::array(s::ref(tool_shape())), [](const std::vector<Tool>& t) {
                           return boost::json::value(tool_shape().render_all(t));
                         }}});
  return shape;
}

const http::JsonShape<ToolCallRecord>& tool_call_shape() {
  static const http::JsonShape<ToolCallRecord> shape(
      "AiToolCall",
      {{"name", s::string(), &ToolCallRecord::name},
       {"arguments", any_json(), [](const ToolCallRecord& r) { return arguments_of(r.arguments); }},
       {"result", s::any_object(), [](const ToolCallRecord& r) { return json_of(r.result); }},
       {"ok", s::boolean(), &ToolCallRecord::ok}});
  return shape;
}

const http::JsonShape<ChatTurn>& chat_turn_shape() {
  static const http::JsonShape<ChatTurn> shape(
      "AiChatTurn", {{"answer", s::string(), &ChatTurn::answer},
                     {"conversation_id", s::uuid(), &ChatTurn::conversation_id},
                     {"turn_id", s::uuid(), &ChatTurn::turn_id},
                     http::array_of("tool_calls", tool_call_shape(), &ChatTurn::tool_calls),
                     {"navigate", s::string(), &ChatTurn::navigate},
                     {"tokens", s::integer(), &ChatTurn::tokens}});
  return shape;
}

const http::JsonShape<Conversation>& conversation_shape() {
  static const http::JsonShape<Conversation> shape("AiConversation", conversation_fields());
  return shape;
}

const http::JsonShape<ConversationMessage>& message_shape() {
  static const http::JsonShape<ConversationMessage> shape(
      "AiMessage", {{"id", s::uuid(), &ConversationMessage::id},
                    {"turn_id", s::uuid(), &ConversationMessage::turn_id},
                    {"position", s::integer(), &ConversationMessage::position},
                    {"role", s::one_of({"user", "assistant", "tool"}), &ConversationMessage::role},
                    {"content", s::string(), &ConversationMessage::content},
                    {"tool_name", s::string(), &ConversationMessage::tool_name},
                    {"tool_arguments", any_json(),
                     [](const ConversationMessage& m) { return optional_json(m.tool_arguments); }},
                    {"tool_result", s::nullable(s::any_object()),
                     [](const ConversationMessage& m) { return optional_json(m.tool_result); }},
                    {"tool_ok", s::boolean(), &ConversationMessage::tool_ok},
                    {"tokens", s::integer(), &ConversationMessage::tokens},
                    {"latency_ms", s::integer(), &ConversationMessage::latency_ms},
                    {"created_at", s::timestamp(), &ConversationMessage::created_at}});
  return shape;
}

const http::JsonShape<ConversationDetail>& conversation_detail_shape() {
  static const http::JsonShape<ConversationDetail> shape(
      "AiConversationDetail",
      http::concat(http::fields_of(conversation_shape(), &ConversationDetail::conversation),
                   {http::array_of("messages", message_shape(), &ConversationDetail::messages)}));
  return shape;
}

const http::JsonShape<ContentDraft>& draft_shape() {
  static const http::JsonShape<ContentDraft> shape(
      "ContentDraft",
      {{"id", s::uuid(), &ContentDraft::id},
       {"course_id", s::uuid(), &ContentDraft::course_id},
       {"author_id", s::uuid(), &ContentDraft::author_id},
       {"kind", s::one_of({"course", "section", "summary"}), &ContentDraft::kind},
       {"source", s::one_of({"author", "assistant"}), &ContentDraft::source},
       {"title", s::string(), &ContentDraft::title},
       {"body", s::string(), &ContentDraft::body},
       {"status", s::one_of({"draft", "promoted", "discarded"}), &ContentDraft::status},
       {"section_id", s::uuid(), &ContentDraft::section_id},
       {"promoted_by", s::uuid(), &ContentDraft::promoted_by},
       {"promoted_at", s::timestamp(), &ContentDraft::promoted_at},
       {"created_at", s::timestamp(), &ContentDraft::created_at},
       {"updated_at", s::timestamp(), &ContentDraft::updated_at}});
  return shape;
}

const http::JsonShape<FeatureSetting>& feature_setting_shape() {
  static const http::JsonShape<FeatureSetting> shape(
      "FeatureSetting",
      {{"key", s::string(), &FeatureSetting::key},
       {"value", any_json(), [](const FeatureSetting& f) { return json_of(f.value); }},
       {"description", s::string(), &FeatureSetting::description},
       {"updated_by", s::uuid(), &FeatureSetting::updated_by},
       {"updated_at", s::timestamp(), &FeatureSetting::updated_at}});
  return shape;
}

const http::JsonShape<std::vector<FeatureSetting>>& feature_settings_shape() {
  static const http::JsonShape<std::vector<FeatureSetting>> shape(
      "FeatureSettings", {{"items", s::array(s::ref(feature_setting_shape())),
                           [](const std::vector<FeatureSetting>& v) {
                             return boost::json::value(feature_setting_shape().render_all(v));
                           }}});
  return shape;
}

}  // namespace deltalabs::ai
