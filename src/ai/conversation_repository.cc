#include "ai/conversation_repository.h"

#include <algorithm>

#include "ai/ai_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::ai {

namespace {

Conversation conversation_from(const Row& r) { return sql::kConversationRow.read(r); }

ConversationMessage message_from(const Row& r) { return sql::kMessageRow.read(r); }

std::vector<ConversationMessage> messages_from(const RowSet& rows) {
  std::vector<ConversationMessage> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(message_from(rows[i]));
  return out;
}

}  // namespace

Result<Conversation> ConversationRepository::find(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("conversation");
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectConversation, {canonical_id(id)}));
  if (rows.empty()) return Error::not_found("conversation");
  return conversation_from(rows[0]);
}

Result<Page<Conversation>> ConversationRepository::list(Connection& c, const std::string& user_id,
                                                        const PageRequest& page) {
  return query_page(c, sql::kListConversations, {user_id}, page, conversation_from);
}

Result<Conversation> ConversationRepository::insert(Connection& c, const std::string& user_id,
                                                    const std::string& title,
                                                    const std::string& provider) {
  Conversation conv{new_uuid_v7(), user_id, title, provider, format_rfc3339(now()), {}};
  conv.updated_at = conv.created_at;
  DL_TRY(c.execute(sql::kInsertConversation, {conv.id, user_id, title, provider, conv.created_at}));
  return conv;
}

Result<std::vector<ConversationMessage>> ConversationRepository::messages(
    Connection& c, const std::string& conversation_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kListMessages, {conversation_id}));
  return messages_from(rows);
}

Result<std::vector<ConversationMessage>> ConversationRepository::recent_dialogue(
    Connection& c, const std::string& conversation_id, int limit) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kRecentDialogue, {conversation_id, limit}));
  std::vector<ConversationMessage> out = messages_from(rows);
  std::reverse(out.begin(), out.end());
  return out;
}

Status ConversationRepository::append(Connection& c, ConversationMessage& m) {
  m.id = new_uuid_v7();
  m.created_at = format_rfc3339(now());
  DL_TRY(c.execute(sql::kInsertMessage, {m.id, m.conversation_id, m.turn_id, m.position, m.role,
                                         m.content, m.tool_name, m.tool_arguments, m.tool_result,
                                         m.tool_ok, m.tokens, m.latency_ms, m.created_at}));
  DL_TRY(c.execute(sql::kTouchConversation, {m.conversation_id, m.created_at}));
  return {};
}

Result<std::int64_t> ConversationRepository::tokens_of_day(Connection& c,
                                                           const std::string& user_id,
                                                           const std::string& day) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectTokensOfDay, {user_id, day}));
  return rows.empty() ? 0 : rows[0].integer(0);
}

Status ConversationRepository::add_usage(Connection& c, const std::string& user_id,
                                         const std::string& day, std::int64_t tool_calls,
                                         std::int64_t tokens) {
  DL_TRY(c.execute(sql::kAddUsage,
                   {new_uuid_v7(), user_id, day, tool_calls, tokens, format_rfc3339(now())}));
  return {};
}

}  // namespace deltalabs::ai
